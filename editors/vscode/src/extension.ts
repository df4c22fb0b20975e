// copydesk for VS Code: starts `copydesk lsp --stdio`, forwards the house settings, shows the
// server state and the story's source count (from the server's ledger, the same data as the
// outline and the code lens), and never lets the server die silently.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  Message,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

const SECTION = 'copydesk';
const LANGUAGES = ['markdown', 'plaintext'];
// Restart budget: this many unexpected exits within the window, then give up and say so.
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let output: vscode.OutputChannel;
let serverState: 'starting' | 'running' | 'stopped' | 'failed' = 'stopped';
// Counts status updates, so an older ledger answer never overwrites a newer one.
let statusRequests = 0;

/// What `copydesk/ledger` answers (the fields used here).
interface LedgerSummary {
  version: number;
  summary: { named: number; unnamed: number; unnamedWithoutReason: number; people: number; headline: string };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('copydesk');
  status = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'copydesk';
  status.command = 'copydesk.showSources';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('copydesk.restartServer', () => restart(context)),
    // Run by the code lens at the top of a story and by the status bar: the outline lists the
    // story's sources and people (the server's documentSymbol).
    vscode.commands.registerCommand('copydesk.showSources', () => vscode.commands.executeCommand('outline.focus')),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // preset and rules travel to the running server; only a new binary needs a new process.
      if (e.affectsConfiguration(`${SECTION}.server`)) {
        void restart(context);
      } else if (e.affectsConfiguration(`${SECTION}.preset`) || e.affectsConfiguration(`${SECTION}.rules`)) {
        pushSettings();
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const command = resolveServerPath(context);
  if (!command) {
    setState('failed');
    const open = 'Open settings';
    const choice = await vscode.window.showErrorMessage(
      'copydesk: the `copydesk` binary was not found on PATH. Install it or set "copydesk.server.path".',
      open,
    );
    if (choice === open) {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.server');
    }
    return;
  }
  const config = vscode.workspace.getConfiguration(SECTION);
  const args = config.get<string[]>('server.args', ['lsp', '--stdio']);
  // No `transport`: with TransportKind.stdio the client appends its own `--stdio` argument,
  // which copydesk (already given `--stdio` in args) rejects as a duplicate.
  const serverOptions: ServerOptions = { command, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: serverSettings(),
    middleware: {
      // If the server pulls its settings (workspace/configuration), give it its own shape.
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i) => (item.section === SECTION ? serverSettings() : answers[i]));
        },
      },
    },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(context),
  };
  client = new LanguageClient(SECTION, 'copydesk', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        setState('running');
      } else if (e.newState === State.Starting) {
        setState('starting');
      } else if (serverState !== 'failed') {
        setState('stopped');
      }
    }),
  );
  setState('starting');
  output.appendLine(`copydesk: starting ${command} ${args.join(' ')}`);
  try {
    await client.start();
  } catch (err) {
    setState('failed');
    void vscode.window.showErrorMessage(`copydesk: the language server did not start: ${errorText(err)}`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop(2000);
    } catch (err) {
      output.appendLine(`copydesk: stopping the old server failed: ${errorText(err)}`);
    }
    await old.dispose(2000).catch(() => undefined);
  }
  await start(context);
  // `start` reassigned the module-level client; re-read it past TypeScript's narrowing.
  const restarted = client as LanguageClient | undefined;
  if (restarted?.isRunning()) {
    void vscode.window.showInformationMessage('copydesk: server restarted.');
  }
}

/// workspace/didChangeConfiguration with `settings.copydesk = {preset, rules}`.
function pushSettings(): void {
  if (client?.isRunning()) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: serverSettings() },
    });
  }
}

/// The settings the server understands: `{preset, rules}`. "project" means "leave it to the
/// story's configuration file", so it is not sent at all.
function serverSettings(): { preset?: string; rules: Record<string, string> } {
  const config = vscode.workspace.getConfiguration(SECTION);
  const preset = config.get<string>('preset', 'project');
  const rules = config.get<Record<string, string>>('rules', {});
  return preset === 'project' ? { rules } : { preset, rules };
}

/// Configured path, else `copydesk` on PATH, else the binary bundled in the extension.
function resolveServerPath(context: vscode.ExtensionContext): string | undefined {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', '').trim();
  if (configured) {
    return configured.startsWith('~') ? path.join(os.homedir(), configured.slice(1)) : configured;
  }
  const exe = process.platform === 'win32' ? 'copydesk.exe' : 'copydesk';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, exe))) {
      return path.join(dir, exe);
    }
  }
  const bundled = context.asAbsolutePath(path.join('server', exe));
  return isExecutable(bundled) ? bundled : undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/// Restarts a crashed server a few times, telling the user each time; past the budget it stops
/// and offers a manual restart instead of failing silently.
class RestartingErrorHandler implements ErrorHandler {
  private exits: number[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    output.appendLine(`copydesk: connection error (${count ?? 1}): ${error.message}`);
    return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.exits = this.exits.filter((t) => now - t < RESTART_WINDOW_MS);
    this.exits.push(now);
    if (this.exits.length <= MAX_RESTARTS) {
      const message = `copydesk: the server stopped unexpectedly; restarting (${this.exits.length}/${MAX_RESTARTS}).`;
      output.appendLine(message);
      void vscode.window.showWarningMessage(message);
      return { action: CloseAction.Restart, handled: true };
    }
    setState('failed');
    const message = `copydesk: the language server crashed ${this.exits.length} times in 3 minutes and was not restarted.`;
    output.appendLine(message);
    const again = 'Restart server';
    const log = 'Show output';
    void vscode.window.showErrorMessage(message, again, log).then((choice) => {
      if (choice === again) {
        this.exits = [];
        void restart(this.context);
      } else if (choice === log) {
        output.show(true);
      }
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

function setState(state: typeof serverState): void {
  serverState = state;
  updateStatus();
}

/// Status bar: server state, plus the active story's source count from the server's ledger.
function updateStatus(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    status.hide();
    return;
  }
  if (serverState === 'starting') {
    status.text = '$(sync~spin) copydesk';
    status.tooltip = 'copydesk: starting the language server';
  } else if (serverState === 'failed' || serverState === 'stopped') {
    status.text = '$(error) copydesk: stopped';
    status.tooltip = 'copydesk: the language server is not running. Run "copydesk: Restart server".';
    status.command = 'copydesk.restartServer';
    status.show();
    return;
  } else {
    if (!status.text.includes('named')) {
      status.text = '$(megaphone) copydesk';
      status.tooltip = 'copydesk is running.';
    }
    void showLedger(editor.document);
  }
  status.command = 'copydesk.showSources';
  status.show();
}

/// Asks the server for the story's ledger (it answers once the current version is analysed) and
/// shows its headline: "3 named, 2 unnamed sources; 1 without a reason".
async function showLedger(document: vscode.TextDocument): Promise<void> {
  const request = ++statusRequests;
  if (!client?.isRunning()) {
    return;
  }
  let ledger: LedgerSummary | null = null;
  try {
    ledger = await client.sendRequest<LedgerSummary | null>('copydesk/ledger', {
      uri: client.code2ProtocolConverter.asUri(document.uri),
    });
  } catch (err) {
    output.appendLine(`copydesk: the ledger request failed: ${errorText(err)}`);
  }
  if (request !== statusRequests || vscode.window.activeTextEditor?.document !== document || serverState !== 'running') {
    return;
  }
  if (!ledger) {
    status.text = '$(megaphone) copydesk';
    status.tooltip = 'copydesk is running; this story has not been checked yet.';
    return;
  }
  const { summary } = ledger;
  status.text = `$(megaphone) copydesk: ${summary.headline}`;
  status.tooltip =
    `copydesk: ${summary.named} named and ${summary.unnamed} unnamed ${summary.unnamed === 1 ? 'source' : 'sources'}` +
    ` (${summary.unnamedWithoutReason} without a reason for anonymity); ${summary.people} ${summary.people === 1 ? 'person' : 'people'} named.` +
    ' Click for the outline.';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
