# Loaded by tests/editors/kak.sh: Kakoune (-n: no stdlib) + kak-lsp + editors/kakoune/copydesk.kak.
# kak -n skips Kakoune's standard rc, so declare the options kak-lsp's UI commands expect.
declare-option str toolsclient
declare-option str jumpclient
declare-option str docsclient
declare-option int jump_current_line 0
evaluate-commands %sh{ kak-lsp }
# kak-lsp's default filetype hooks would start other Markdown servers (marksman, ...).
remove-hooks global lsp-filetype-.*
source %sh{ echo "$REPO/editors/kakoune/copydesk.kak" }
set-option global copydesk_command %sh{ echo "$COPYDESK_BIN" }
set-option global copydesk_settings %sh{ echo "rules = $RULES_TOML" }
# -n also means no filetype detection: every file opened here is a markdown story.
hook global WinCreate .* %{ set-option window filetype markdown }
set-option window filetype markdown   # the first file's window exists already
