-- User commands only; nothing starts until require('copydesk').setup{} is called.
if vim.g.loaded_copydesk then
  return
end
vim.g.loaded_copydesk = true

vim.api.nvim_create_user_command('CopydeskRestart', function()
  require('copydesk').restart()
end, { desc = 'Restart the copydesk language server' })

vim.api.nvim_create_user_command('CopydeskSources', function()
  require('copydesk').sources(0)
end, { desc = "List the story's sources and people (named and unnamed) in the location list" })

vim.api.nvim_create_user_command('CopydeskPreset', function(args)
  require('copydesk').set({ preset = args.args })
end, {
  nargs = 1,
  complete = function()
    return { 'ap', 'reuters', 'nyt', 'bbc', 'none' }
  end,
  desc = 'Switch the house preset of the running copydesk server',
})
