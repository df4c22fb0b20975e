;;; copydesk.el --- copydesk for Emacs through Eglot  -*- lexical-binding: t -*-

;; Drop this file on your `load-path' and add
;;   (require 'copydesk)
;; or copy the forms below into your init file. Written for Eglot 1.9 and later (tested with
;; Debian's elpa-eglot 1.9 on Emacs 28; Emacs 29+ ships a newer Eglot).

;;; Code:

(require 'eglot)

(defgroup copydesk nil
  "Sourcing and attribution checks for news copy."
  :group 'tools)

(defcustom copydesk-command '("copydesk" "lsp" "--stdio")
  "Command line that starts the copydesk language server."
  :type '(repeat string))

(defcustom copydesk-preset nil
  "House preset: \"ap\", \"reuters\", \"nyt\", \"bbc\" or \"none\".
nil leaves it to the story's copydesk configuration file."
  :type '(choice (const :tag "From the configuration file" nil)
                 (const "ap") (const "reuters") (const "nyt") (const "bbc") (const "none")))

(defcustom copydesk-rules nil
  "Per-rule severities, a plist.
For example (:anonymous-source \"error\" :name-variant \"off\")."
  :type '(plist :value-type (choice (const "off") (const "error") (const "warning")
                                    (const "info") (const "hint"))))

(defcustom copydesk-modes '(markdown-mode gfm-mode text-mode message-mode)
  "Major modes whose buffers copydesk checks when `eglot-ensure' runs in them."
  :type '(repeat symbol))

(defun copydesk-settings ()
  "The settings the server reads: {preset, rules}."
  (append (and copydesk-preset (list :preset copydesk-preset))
          (list :rules (or copydesk-rules (make-hash-table)))))

(defun copydesk--contact (&rest _)
  "Eglot contact: the server command plus the settings as initializationOptions."
  (append copydesk-command (list :initializationOptions (copydesk-settings))))

;; Markdown stories go out as languageId "markdown", everything else as "plaintext".
(add-to-list 'eglot-server-programs
             `(((markdown-mode :language-id "markdown") (gfm-mode :language-id "markdown")
                (text-mode :language-id "plaintext") (message-mode :language-id "plaintext"))
               . copydesk--contact))

;; Settings pushed with workspace/didChangeConfiguration (under settings.copydesk). If you
;; configure other servers through this variable too, add :copydesk to your own plist instead.
(setq-default eglot-workspace-configuration
              (lambda (&rest _) (list :copydesk (copydesk-settings))))

(dolist (mode copydesk-modes)
  (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure))

(provide 'copydesk)
;;; copydesk.el ends here
