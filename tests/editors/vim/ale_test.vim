" Vim + ALE + editors/vim/plugin/copydesk.vim, run by tests/editors/vim.sh (see run_fixtures.sh
" for the environment). Writes the reports; exits non-zero if the linter never ran.
set nocompatible
let &runtimepath = '/usr/share/vim-ale,' . $REPO . '/editors/vim,' . &runtimepath . ',/usr/share/vim-ale/after'
filetype plugin on
let g:ale_lint_on_text_changed = 'never'
let g:ale_echo_cursor = 0
let g:ale_linters_explicit = 1
let g:ale_linters = {'markdown': ['copydesk'], 'text': ['copydesk']}
let g:copydesk_executable = json_decode($CMD_JSON)[0]
let g:copydesk_args = join(map(json_decode($CMD_JSON)[1:], 'shellescape(v:val)'), ' ')
let g:copydesk_settings = {'rules': json_decode($RULES_JSON)}
runtime plugin/ale.vim
runtime plugin/copydesk.vim

let s:published = 0
autocmd User ALELintPost let s:published += 1

function! s:Items() abort
  return filter(copy(ale#engine#GetLoclist(bufnr(''))), 'get(v:val, "linter_name", "") ==# "copydesk"')
endfunction

function! s:Wait(pred) abort
  let l:deadline = reltimefloat(reltime()) + str2float(empty($TIMEOUT) ? '15' : $TIMEOUT)
  while !eval(a:pred) && reltimefloat(reltime()) < l:deadline
    sleep 50m
  endwhile
endfunction

function! s:Report(path) abort
  let l:levels = {'E': 'error', 'W': 'warning', 'I': 'info'}
  let l:items = []
  for l:d in s:Items()
    " ALE's columns are the server's UTF-16 units plus one; end_col is inclusive.
    call add(l:items, {'line': l:d.lnum, 'end_line': get(l:d, 'end_lnum', l:d.lnum),
    \ 'col': l:d.col - 1, 'end_col': get(l:d, 'end_col', l:d.col), 'text': v:null,
    \ 'code': get(l:d, 'code', ''), 'source': 'copydesk',
    \ 'severity': get(l:levels, get(l:d, 'type', 'E'), 'info'), 'message': l:d.text})
  endfor
  call writefile([json_encode({'published': s:published > 0 ? v:true : v:false, 'diagnostics': l:items})], a:path)
endfunction

execute 'edit ' . fnameescape($DOC)
if &filetype ==# ''
  set filetype=markdown
endif
ALELint
call s:Wait('s:published > 0 && len(s:Items()) >= ' . str2nr($EXPECT_MIN))
call s:Report($REPORT_OPEN)
if !empty($EDIT_LINE)
  let s:before = s:published
  call append(line('$'), $EDIT_LINE)
  let s:last = line('$')
  ALELint
  call s:Wait('s:published > s:before && len(filter(s:Items(), "v:val.lnum == s:last")) >= ' . str2nr($EXPECT_EDIT_MIN))
  call s:Report($REPORT_EDIT)
endif
execute s:published > 0 ? 'qall!' : 'cquit!'
