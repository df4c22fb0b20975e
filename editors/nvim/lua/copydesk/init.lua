-- copydesk for Neovim: runs `copydesk lsp --stdio` on news copy (markdown, text, mail).
-- Neovim 0.11+: registered with vim.lsp.config / vim.lsp.enable.
-- Neovim 0.7-0.10: started on FileType with vim.lsp.start (0.8+) or start_client (0.7).
local M = {}

local defaults = {
  cmd = { 'copydesk', 'lsp', '--stdio' },
  filetypes = { 'markdown', 'text', 'mail' },
  -- Where a story's copydesk configuration lives; a file outside any marker is its own root.
  root_markers = { '.copydesk.toml', '.git' },
  preset = nil, -- 'ap' | 'reuters' | 'nyt' | 'bbc' | 'none'; nil: the configuration file decides
  rules = {}, -- { ['anonymous-source'] = 'error', ['name-variant'] = 'off', ... }
  -- Show the story's source count ("3 named, 2 unnamed sources; 1 without a reason") as a code
  -- lens on its first line, refreshed whenever new diagnostics arrive.
  codelens = true,
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
}

M.config = vim.deepcopy(defaults)

local group

--- The settings the server reads, under `settings.copydesk` and as initializationOptions.
local function server_settings()
  local s = { rules = vim.empty_dict() }
  for rule, level in pairs(M.config.rules or {}) do
    s.rules[rule] = level
  end
  s.preset = M.config.preset
  return s
end

local function find_root(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    return vim.fn.getcwd()
  end
  local dir = vim.fn.fnamemodify(file, ':p:h')
  if vim.fs and vim.fs.find then -- 0.8+
    local found = vim.fs.find(M.config.root_markers, { path = dir, upward = true })[1]
    return found and vim.fs.dirname(found) or dir
  end
  for _, marker in ipairs(M.config.root_markers) do -- 0.7
    local file = vim.fn.findfile(marker, dir .. ';')
    if file ~= '' then
      return vim.fn.fnamemodify(file, ':p:h')
    end
    local subdir = vim.fn.finddir(marker, dir .. ';')
    if subdir ~= '' then
      return vim.fn.fnamemodify(subdir, ':p:h:h') -- ':p' of a directory ends in '/'
    end
  end
  return dir
end

local refresh_codelens

local function client_config(root_dir)
  local settings = server_settings()
  return {
    name = 'copydesk',
    cmd = M.config.cmd,
    root_dir = root_dir,
    init_options = settings,
    settings = { copydesk = settings },
    capabilities = M.config.capabilities,
    handlers = M.config.handlers,
    on_attach = function(client, bufnr)
      if M.config.codelens then
        refresh_codelens(bufnr)
      end
      if M.config.on_attach then
        M.config.on_attach(client, bufnr)
      end
    end,
    on_exit = function(code, signal)
      if code ~= 0 or signal ~= 0 then
        vim.schedule(function()
          vim.notify(('copydesk: language server exited (code %d, signal %d). :CopydeskRestart starts it again.')
            :format(code, signal), vim.log.levels.WARN)
        end)
      end
    end,
  }
end

-- 0.7 has no vim.lsp.start: one client per root directory, reused across buffers.
local legacy_clients = {}

local function legacy_attach(bufnr)
  local root = find_root(bufnr)
  local id = legacy_clients[root]
  if not id or not vim.lsp.get_client_by_id(id) or vim.lsp.get_client_by_id(id).is_stopped() then
    id = vim.lsp.start_client(client_config(root))
    legacy_clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

--- Attach copydesk to a buffer (no-op when that filetype is not configured).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) or vim.bo[bufnr].buftype ~= '' then
    return
  end
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    vim.notify_once(('copydesk: %q is not executable; set cmd in require("copydesk").setup{}'):format(M.config.cmd[1]),
      vim.log.levels.WARN)
    return
  end
  if vim.lsp.start then
    vim.lsp.start(client_config(find_root(bufnr)), { bufnr = bufnr })
  else
    legacy_attach(bufnr)
  end
end

-- Client methods are called with `:` from 0.11 on (the `.` forms are deprecated there) and
-- with `.` before (0.7's client methods are closures that take no self).
local colon_methods = vim.fn.has('nvim-0.11') == 1

local function notify(client, method, params)
  if colon_methods then
    client:notify(method, params)
  else
    client.notify(method, params)
  end
end

local function request(client, method, params, handler, bufnr)
  if colon_methods then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function stop(client)
  if colon_methods then
    client:stop()
  else
    client.stop()
  end
end

local function clients()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  local found = {}
  for _, client in ipairs(get()) do
    if client.name == 'copydesk' then
      table.insert(found, client)
    end
  end
  return found
end

local function buffer_client(bufnr)
  for _, client in ipairs(clients()) do
    if (client.attached_buffers or {})[bufnr] then
      return client
    end
  end
end

-- 0.7 refreshes the current buffer only; later versions take the buffer.
local function codelens_refresh(bufnr)
  if vim.fn.has('nvim-0.10') == 1 then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  elseif bufnr == vim.api.nvim_get_current_buf() then
    vim.lsp.codelens.refresh()
  end
end

local codelens_group

--- The lens follows each new analysis: the server publishes diagnostics once per analysis.
refresh_codelens = function(bufnr)
  codelens_group = codelens_group or vim.api.nvim_create_augroup('copydesk_codelens', { clear = true })
  vim.api.nvim_clear_autocmds({ group = codelens_group, buffer = bufnr })
  vim.api.nvim_create_autocmd({ 'DiagnosticChanged', 'BufEnter' }, {
    group = codelens_group,
    buffer = bufnr,
    callback = function()
      if buffer_client(bufnr) then
        codelens_refresh(bufnr)
      end
    end,
  })
  codelens_refresh(bufnr)
end

--- The ledger (`copydesk/ledger`) as location-list items, in the outline's order: each source
--- or person at its first mention, then its other mentions.
function M.ledger_items(ledger, bufnr, offset_encoding)
  local uri = vim.uri_from_bufnr(bufnr)
  local items = {}
  for _, group in ipairs(ledger.groups or {}) do
    for _, entity in ipairs(group.entities or {}) do
      for i, mention in ipairs(entity.mentions or {}) do
        -- One location at a time: locations_to_items sorts what it is given by position.
        local item = vim.lsp.util.locations_to_items({ { uri = uri, range = mention.range } }, offset_encoding)[1]
        if item then
          if i == 1 then
            item.text = ('%s: %s (%s)'):format(group.title, entity.label, entity.detail)
          else
            item.text = ('  also: %s'):format(mention.text)
          end
          table.insert(items, item)
        end
      end
    end
  end
  return items
end

--- :CopydeskSources: who is in the story, named and unnamed, in the location list.
function M.sources(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = buffer_client(bufnr)
  if not client then
    vim.notify('copydesk: the language server is not attached to this buffer', vim.log.levels.WARN)
    return
  end
  request(client, 'copydesk/ledger', { uri = vim.uri_from_bufnr(bufnr) }, function(err, result)
    if err then
      vim.notify('copydesk: ' .. (err.message or tostring(err)), vim.log.levels.ERROR)
      return
    end
    if not result then
      vim.notify('copydesk: this buffer has not been checked yet', vim.log.levels.INFO)
      return
    end
    local items = M.ledger_items(result, bufnr, client.offset_encoding or 'utf-16')
    local title = 'copydesk: ' .. result.summary.headline
    local win = vim.fn.bufwinid(bufnr)
    vim.fn.setloclist(win ~= -1 and win or 0, {}, ' ', { title = title, items = items })
    if #items > 0 then
      vim.cmd('lopen')
    end
    vim.api.nvim_echo({ { title } }, false, {})
  end, bufnr)
end

-- The code lens's command, run on the client: it opens the same list.
vim.lsp.commands['copydesk.showSources'] = function(_, ctx)
  M.sources(ctx and ctx.bufnr)
end

--- Send the current preset and rules to running servers (workspace/didChangeConfiguration).
function M.push_settings()
  local settings = server_settings()
  for _, client in ipairs(clients()) do
    client.config.settings = { copydesk = settings }
    notify(client, 'workspace/didChangeConfiguration', { settings = { copydesk = settings } })
  end
end

--- Change preset and/or rules at run time, e.g. require('copydesk').set{ preset = 'reuters' }.
function M.set(opts)
  M.config = vim.tbl_deep_extend('force', M.config, opts or {})
  M.push_settings()
end

--- Stop every copydesk client and attach the open stories again.
function M.restart()
  local buffers = {}
  for _, client in ipairs(clients()) do
    for bufnr in pairs(client.attached_buffers or {}) do
      buffers[bufnr] = true
    end
    stop(client)
  end
  legacy_clients = {}
  vim.defer_fn(function()
    for bufnr in pairs(buffers) do
      if vim.api.nvim_buf_is_valid(bufnr) then
        M.attach(bufnr)
      end
    end
  end, 500)
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  if vim.lsp.config and vim.lsp.enable then -- 0.11+
    local cfg = client_config(nil)
    cfg.root_dir = nil
    cfg.root_markers = M.config.root_markers
    cfg.filetypes = M.config.filetypes
    vim.lsp.config('copydesk', cfg)
    vim.lsp.enable('copydesk')
    return
  end
  group = vim.api.nvim_create_augroup('copydesk', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do -- stories opened before setup()
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

return M
