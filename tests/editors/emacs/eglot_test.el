;;; eglot_test.el --- batch test of editors/emacs/copydesk.el with Eglot + Flymake  -*- lexical-binding: t -*-
;; Run: emacs --batch -l eglot_test.el   (NOT -Q: Debian's elpa packages load from site-start)
;; Env: REPO, DOC, CMD_JSON, RULES_JSON, EDIT_LINE, EXPECT_MIN, EXPECT_EDIT_MIN,
;;      REPORT_OPEN, REPORT_EDIT, TIMEOUT (seconds, default 15). Exit 0 iff the server attached.
(require 'json)
(require 'package)
;; An interactive Emacs activates installed packages (their autoloads: markdown-mode's
;; auto-mode-alist entry) at startup; batch Emacs does not, so do it here.
(package-activate-all)
(let ((repo (getenv "REPO")))
  (add-to-list 'load-path (expand-file-name "editors/emacs" repo)))
(require 'copydesk)
(require 'flymake)

(defvar copydesk-test--published 0 "publishDiagnostics notifications seen.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq copydesk-test--published (1+ copydesk-test--published)))))

(defun copydesk-test--json (var) (json-parse-string (getenv var) :object-type 'plist :array-type 'list))

(defun copydesk-test--diags ()
  "copydesk's diagnostics in the current buffer, as report alists."
  (let (out)
    (dolist (d (flymake-diagnostics))
      (let* ((lsp (alist-get 'eglot-lsp-diag (ignore-errors (flymake-diagnostic-data d))))
             (text (flymake-diagnostic-text d))
             (beg (flymake-diagnostic-beg d))
             (end (flymake-diagnostic-end d))
             (source (or (plist-get lsp :source)
                         (and (string-match "\\`\\([^ :]+\\)" text) (match-string 1 text))))
             (code (or (plist-get lsp :code)
                       (and (string-match "\\`[^ :]+ \\[\\([^]]+\\)\\]" text) (match-string 1 text)))))
        (when (equal source "copydesk")
          (save-excursion
            (let* ((line (line-number-at-pos beg))
                   (end-line (line-number-at-pos end))
                   (col (progn (goto-char beg) (- beg (line-beginning-position))))
                   (end-col (progn (goto-char end) (- end (line-beginning-position)))))
              (push `((line . ,line) (end_line . ,end-line) (col . ,col) (end_col . ,end-col)
                      (text . ,(buffer-substring-no-properties beg end))
                      (code . ,code) (source . ,source)
                      (severity . ,(pcase (flymake-diagnostic-type d)
                                     ('eglot-error "error") ('eglot-warning "warning") (_ "info")))
                      (message . ,text))
                    out))))))
    (nreverse out)))

(defun copydesk-test--report (path)
  (let ((diags (copydesk-test--diags)))
    (with-temp-file path
      (insert (json-encode `((published . ,(if (> copydesk-test--published 0) t :json-false))
                             (diagnostics . ,(vconcat diags))))))
    (length diags)))

(defun copydesk-test--wait (pred timeout)
  (let ((deadline (+ (float-time) timeout)))
    ;; Batch Emacs has no command loop: Flymake never starts itself, so kick it while waiting.
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.1))))

(let ((timeout (string-to-number (or (getenv "TIMEOUT") "15")))
      (rc 1))
  (setq copydesk-command (copydesk-test--json "CMD_JSON")
        copydesk-rules (copydesk-test--json "RULES_JSON")
        eglot-sync-connect t
        eglot-connect-timeout timeout
        eglot-autoshutdown nil)
  (condition-case err
      (progn
        (unless (executable-find (car copydesk-command))
          ;; Eglot would otherwise die of SIGPIPE writing to a process that never started.
          (error "server not executable: %s" (car copydesk-command)))
        (find-file (getenv "DOC"))
        (message "Emacs %s, major mode %s" emacs-version major-mode)
        ;; `eglot-ensure' (from the mode hook) connects on the next command: run that hook.
        (run-hooks 'post-command-hook)
        (unless (eglot-current-server) (error "eglot did not connect"))
        (let ((want (string-to-number (or (getenv "EXPECT_MIN") "0"))))
          (copydesk-test--wait (lambda () (and (> copydesk-test--published 0)
                                               (>= (length (copydesk-test--diags)) want)))
                               timeout))
        (message "published=%d diagnostics=%d" copydesk-test--published
                 (copydesk-test--report (getenv "REPORT_OPEN")))
        (let ((edit (getenv "EDIT_LINE")))
          (when (and edit (not (string-empty-p edit)))
            (let ((before copydesk-test--published)
                  (want (string-to-number (or (getenv "EXPECT_EDIT_MIN") "1")))
                  (last-line (progn (goto-char (point-max))
                                    (unless (bolp) (insert "\n"))
                                    (line-number-at-pos))))
              (insert edit "\n")
              ;; didChange goes out from an idle timer, and batch Emacs is never idle.
              (eglot--signal-textDocument/didChange)
              (copydesk-test--wait
               (lambda () (and (> copydesk-test--published before)
                               (>= (cl-count-if (lambda (d) (= (alist-get 'line d) last-line))
                                                (copydesk-test--diags))
                                   want)))
               timeout)
              (message "after edit: published=%d diagnostics=%d" copydesk-test--published
                       (copydesk-test--report (getenv "REPORT_EDIT"))))))
        (setq rc 0)
        (ignore-errors (eglot-shutdown (eglot-current-server))))
    (error (message "FAIL: %S" err)))
  (kill-emacs rc))
