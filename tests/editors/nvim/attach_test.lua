-- Headless Neovim test of editors/nvim: setup{} attaches copydesk to a story, the diagnostics
-- arrive, the outline, code lens and :CopydeskSources show the story's source ledger, and an
-- appended line produces new diagnostics. Works on 0.7 (no `nvim -l`: run with
-- `-c 'luafile ...'`) through 0.11.
-- Env: REPO, DOC, CMD_JSON (server argv as JSON), RULES_JSON (rule severities), EDIT_LINE
-- (optional line to append), EXPECT_MIN / EXPECT_EDIT_MIN (how many copydesk diagnostics to
-- wait for), OFF_RULE (a rule the expectations require, turned off at the end: its findings
-- must go), REPORT_OPEN / REPORT_EDIT (JSON reports for check_diagnostics.py), TIMEOUT_MS.
local function finish(ok, msg)
  io.stderr:write((ok and 'OK' or 'FAIL: ') .. (msg or '') .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local active_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local ok, err = pcall(function()
  local timeout = tonumber(os.getenv('TIMEOUT_MS') or '15000')
  vim.opt.runtimepath:prepend(os.getenv('REPO') .. '/editors/nvim')
  vim.cmd('runtime plugin/copydesk.lua')

  -- Count publishDiagnostics per buffer, so a clean story can be told from a silent server.
  local published = {}
  local original = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    original(e, result, ctx, config)
    local bufnr = vim.uri_to_bufnr(result.uri)
    published[bufnr] = (published[bufnr] or 0) + 1
  end

  require('copydesk').setup({
    cmd = vim.fn.json_decode(os.getenv('CMD_JSON')),
    rules = vim.fn.json_decode(os.getenv('RULES_JSON') or '{}'),
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DOC')))
  local bufnr = vim.api.nvim_get_current_buf()
  io.stderr:write(vim.split(vim.fn.execute('version'), '\n', { trimempty = true })[1] ..
    ', filetype ' .. vim.bo[bufnr].filetype .. '\n')

  local severities = { 'error', 'warning', 'info', 'hint' }
  local function copydesk_diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if (d.source or lsp.source) == 'copydesk' then
        table.insert(out, d)
      end
    end
    return out
  end
  local function report(path)
    local items = {}
    for _, d in ipairs(copydesk_diagnostics()) do
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
      local end_line = d.end_lnum or d.lnum
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(items, {
        line = d.lnum + 1,
        end_line = end_line + 1,
        -- vim.diagnostic columns are bytes; the checker compares characters
        col = vim.fn.strchars(line:sub(1, d.col)),
        end_col = end_line == d.lnum and vim.fn.strchars(line:sub(1, d.end_col or d.col)) or vim.NIL,
        text = end_line == d.lnum and line:sub(d.col + 1, d.end_col or d.col) or vim.NIL,
        code = d.code or lsp.code,
        source = d.source or lsp.source,
        severity = severities[d.severity],
        message = d.message,
      })
    end
    local json = vim.fn.json_encode({ published = (published[bufnr] or 0) > 0, diagnostics = items })
    vim.fn.writefile({ json }, path)
    return #items
  end

  local want = tonumber(os.getenv('EXPECT_MIN') or '0')
  vim.wait(timeout, function()
    return (published[bufnr] or 0) > 0 and #copydesk_diagnostics() >= want
  end, 50)
  local attached = #active_clients({ bufnr = bufnr }) > 0
  io.stderr:write(('attached=%s published=%d diagnostics=%d\n'):format(tostring(attached),
    published[bufnr] or 0, report(os.getenv('REPORT_OPEN'))))
  if not attached then
    error('copydesk did not attach to the buffer')
  end

  -- The source ledger, when the server is copydesk itself (the stand-in has none): the outline
  -- (documentSymbol) must hold the groups and entities `copydesk sources` lists for the same file,
  -- the code lens its headline, and :CopydeskSources the same list in the location list.
  local cmd = vim.fn.json_decode(os.getenv('CMD_JSON'))
  if cmd[2] == 'lsp' then
    local listed = vim.fn.system({ cmd[1], 'sources', '--format', 'json', os.getenv('DOC') })
    if vim.v.shell_error ~= 0 then
      error('copydesk sources failed: ' .. listed)
    end
    local ledger = vim.fn.json_decode(listed).files[1]
    local expected = {}
    for _, group in ipairs({ { 'Named sources', 'named' }, { 'Unnamed sources', 'unnamed' }, { 'Other sources', 'other' } }) do
      local entities = {}
      for _, source in ipairs(ledger.sources) do
        if source.group == group[2] then
          table.insert(entities, source.mentions)
        end
      end
      if #entities > 0 then
        table.insert(expected, { title = group[1], entities = entities })
      end
    end
    local others = {}
    for _, person in ipairs(ledger.people) do
      if person.source == vim.NIL or person.source == nil then
        table.insert(others, person.mentions)
      end
    end
    if #others > 0 then
      table.insert(expected, { title = 'Other people', entities = others })
    end

    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
    local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, timeout) or {}
    local outline
    for _, answer in pairs(answers) do
      outline = answer.result or outline
    end
    if type(outline) ~= 'table' then
      error('no outline from documentSymbol')
    end
    local shown = {}
    for _, group in ipairs(outline) do
      table.insert(shown, ('%s (%d)'):format(group.name, #(group.children or {})))
    end
    io.stderr:write('outline: ' .. table.concat(shown, ', ') .. '\n')
    if #outline ~= #expected then
      error(('outline has %d groups, copydesk sources %d'):format(#outline, #expected))
    end
    for g, group in ipairs(expected) do
      local got = outline[g]
      if got.name ~= group.title or #(got.children or {}) ~= #group.entities then
        error(('outline group %d is %s with %d entries; expected %s with %d'):format(g, got.name,
          #(got.children or {}), group.title, #group.entities))
      end
      for e, mentions in ipairs(group.entities) do
        local children = got.children[e].children or {}
        if #children ~= #mentions then
          error(('%s: %d mentions in the outline, %d listed'):format(got.children[e].name, #children, #mentions))
        end
        for m, mention in ipairs(mentions) do
          if children[m].range.start.line + 1 ~= mention.range.start.line then
            error(('%s: mention %d on line %d, listed on %d'):format(got.children[e].name, m,
              children[m].range.start.line + 1, mention.range.start.line))
          end
        end
      end
    end
    if #expected == 0 and ledger.summary.named + ledger.summary.unnamed > 0 then
      error('copydesk sources lists sources the outline lacks')
    end

    local headline = ledger.summary.headline
    local lens_ok = vim.wait(timeout, function()
      for _, lens in ipairs(vim.lsp.codelens.get(bufnr) or {}) do
        if lens.command and lens.command.title == headline then
          return true
        end
      end
      return false
    end, 50)
    io.stderr:write(('code lens: %s\n'):format(lens_ok and headline or 'MISSING'))
    if not lens_ok then
      error('the code lens "' .. headline .. '" did not appear')
    end

    local win = vim.api.nvim_get_current_win()
    vim.cmd('CopydeskSources')
    local title = 'copydesk: ' .. headline
    local listed_ok = vim.wait(timeout, function()
      return vim.fn.getloclist(win, { title = 1 }).title == title
    end, 50)
    local items = vim.fn.getloclist(win)
    local mentions = 0
    for _, group in ipairs(expected) do
      for _, entity in ipairs(group.entities) do
        mentions = mentions + #entity
      end
    end
    io.stderr:write((':CopydeskSources: %d entries, "%s"\n'):format(#items,
      vim.fn.getloclist(win, { title = 1 }).title))
    if not listed_ok or #items ~= mentions then
      error((':CopydeskSources listed %d entries for %d mentions'):format(#items, mentions))
    end
    for _, item in ipairs(items) do
      if item.bufnr ~= bufnr or item.lnum < 1 then
        error(':CopydeskSources entry outside the story: ' .. vim.inspect(item))
      end
    end
    vim.cmd('lclose')
    vim.api.nvim_set_current_win(win)
  else
    io.stderr:write('outline: SKIP (not the copydesk server)\n')
  end

  local edit = os.getenv('EDIT_LINE') or ''
  if edit ~= '' then
    local before = published[bufnr] or 0
    local last = vim.api.nvim_buf_line_count(bufnr)
    vim.api.nvim_buf_set_lines(bufnr, last, last, false, { edit })
    local want_edit = tonumber(os.getenv('EXPECT_EDIT_MIN') or '1')
    vim.wait(timeout, function()
      if (published[bufnr] or 0) <= before then
        return false
      end
      local n = 0
      for _, d in ipairs(copydesk_diagnostics()) do
        if d.lnum == last then
          n = n + 1
        end
      end
      return n >= want_edit
    end, 50)
    io.stderr:write(('after edit: published=%d diagnostics=%d\n'):format(published[bufnr] or 0,
      report(os.getenv('REPORT_EDIT'))))
  end

  -- Settings at run time: turning a rule off through the plugin (workspace/didChangeConfiguration)
  -- must make its findings disappear.
  if os.getenv('OFF_RULE') and os.getenv('OFF_RULE') ~= '' then
    local rule = os.getenv('OFF_RULE')
    local function count()
      local n = 0
      for _, d in ipairs(copydesk_diagnostics()) do
        if (d.code or (d.user_data and d.user_data.lsp or {}).code) == rule then
          n = n + 1
        end
      end
      return n
    end
    local before = count()
    require('copydesk').set({ rules = { [rule] = 'off' } })
    local gone = vim.wait(timeout, function() return count() == 0 end, 50)
    io.stderr:write(('settings: %s off: %d -> %d findings\n'):format(rule, before, count()))
    if before == 0 or not gone then
      error(('turning %s off through settings left %d of %d findings'):format(rule, count(), before))
    end
  end

  -- :CopydeskRestart: a new server process attaches to the story and publishes again.
  local old_ids = {}
  for _, client in ipairs(active_clients({ bufnr = bufnr })) do
    old_ids[client.id] = true
  end
  local before_restart = published[bufnr] or 0
  vim.cmd('CopydeskRestart')
  local restarted = vim.wait(timeout, function()
    for _, client in ipairs(active_clients({ bufnr = bufnr })) do
      if not old_ids[client.id] and (published[bufnr] or 0) > before_restart then
        return true
      end
    end
    return false
  end, 50)
  io.stderr:write(('restart: %s\n'):format(restarted and 'new client attached and published' or 'FAILED'))
  if not restarted then
    error(':CopydeskRestart did not bring a new server to the buffer')
  end

  for _, client in ipairs(active_clients()) do
    client.stop()
  end
  vim.wait(2000, function() return #active_clients() == 0 end, 50)
end)

finish(ok, not ok and tostring(err) or nil)
