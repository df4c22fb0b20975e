# copydesk for Kakoune through kak-lsp (17 or later).
# In kakrc, after kak-lsp is loaded (`eval %sh{ kak-lsp }`):
#   source /path/to/copydesk/editors/kakoune/copydesk.kak
#   set-option global copydesk_settings 'preset = "ap"
#   rules = { "anonymous-source" = "error" }'
# Stories (markdown, plain text, mail) then get copydesk's findings; other filetypes keep their
# own servers.

declare-option -docstring 'command that runs the copydesk binary' str copydesk_command copydesk
declare-option -docstring 'TOML lines for the server settings {preset, rules}' str copydesk_settings ''

hook global WinSetOption filetype=(markdown|plain|mail) %{
    set-option window lsp_servers %sh{
        printf '[copydesk]\n'
        printf 'root_globs = [".copydesk.toml", ".git"]\n'
        printf 'command = "%s"\n' "$kak_opt_copydesk_command"
        printf 'args = ["lsp", "--stdio"]\n'
        printf 'settings_section = "copydesk"\n'
        printf '[copydesk.settings.copydesk]\n%s\n' "$kak_opt_copydesk_settings"
    }
    # kak-lsp 18+ routes requests by language id (its own filetype hooks usually set it).
    try %{ set-option window lsp_language_id %sh{
        [ "$kak_opt_filetype" = markdown ] && echo markdown || echo plaintext } }
    lsp-enable-window
}
