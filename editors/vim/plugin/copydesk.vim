" copydesk for Vim 8.2+/9 through ALE (https://github.com/dense-analysis/ale).
" Put editors/vim on 'runtimepath' (or copy this file to ~/.vim/plugin/) with ALE installed.
" Settings (set before Vim starts the plugins):
"   g:copydesk_executable  'copydesk'
"   g:copydesk_args        'lsp --stdio'
"   g:copydesk_settings    {'preset': 'ap', 'rules': {'anonymous-source': 'error'}}
"   g:copydesk_filetypes   ['markdown', 'text', 'mail']
if exists('g:loaded_copydesk')
  finish
endif
let g:loaded_copydesk = 1

let g:copydesk_executable = get(g:, 'copydesk_executable', 'copydesk')
let g:copydesk_args = get(g:, 'copydesk_args', 'lsp --stdio')
let g:copydesk_settings = get(g:, 'copydesk_settings', {})
let g:copydesk_filetypes = get(g:, 'copydesk_filetypes', ['markdown', 'text', 'mail'])

" A story's root: the nearest directory with a .copydesk.toml or .git, else its own directory.
function! s:Root(buffer) abort
  let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
  for l:marker in ['.copydesk.toml']
    let l:found = findfile(l:marker, l:dir . ';')
    if !empty(l:found)
      return fnamemodify(l:found, ':p:h')
    endif
  endfor
  let l:git = finddir('.git', l:dir . ';')
  return empty(l:git) ? l:dir : fnamemodify(l:git, ':p:h:h')
endfunction

function! s:Define() abort
  for l:ft in g:copydesk_filetypes
    call ale#linter#Define(l:ft, {
    \   'name': 'copydesk',
    \   'lsp': 'stdio',
    \   'executable': {buffer -> g:copydesk_executable},
    \   'command': {buffer -> '%e ' . g:copydesk_args},
    \   'project_root': function('s:Root'),
    \   'initialization_options': {buffer -> g:copydesk_settings},
    \   'lsp_config': {buffer -> {'copydesk': g:copydesk_settings}},
    \})
  endfor
endfunction

" ALE's autoload functions exist once ALE is on 'runtimepath', whatever the plugin load order.
if !empty(globpath(&runtimepath, 'autoload/ale/linter.vim'))
  call s:Define()
endif
