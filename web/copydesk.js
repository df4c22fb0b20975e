// The JavaScript side of copydesk.wasm's C ABI (crates/copydesk-wasm/src/lib.rs): strings go
// in as UTF-8 buffers the module allocates, answers come back as JSON in its output buffer.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function loadCopydesk(url = 'copydesk.wasm') {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  let exports = (await WebAssembly.instantiate(module, {})).exports;

  // Copies each string into module memory, runs `fn` on the (pointer, length) pairs and
  // returns the parsed output buffer. Buffers are freed even when the call fails.
  function call(fn, strings) {
    const buffers = strings.map((text) => {
      const bytes = encoder.encode(text);
      const ptr = exports.copydesk_alloc(bytes.length) >>> 0;
      new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
      return [ptr, bytes.length];
    });
    let status;
    try {
      status = fn(...buffers.flat());
    } catch (err) {
      // A trap (a bug in the engine) leaves the instance's memory in an unknown state:
      // start a fresh one so the next keystroke is analysed again.
      exports = new WebAssembly.Instance(module, {}).exports;
      throw new Error(`copydesk stopped on this text (${err.message}); please report it`);
    }
    for (const [ptr, len] of buffers) exports.copydesk_free(ptr, len);
    const out = new Uint8Array(exports.memory.buffer, exports.copydesk_output_ptr() >>> 0,
      exports.copydesk_output_len() >>> 0);
    const answer = JSON.parse(decoder.decode(out));
    if (status !== 0) throw new Error(answer.error || 'copydesk failed');
    return answer;
  }

  return {
    // Findings and unnamed sources of one story. options: {format: 'markdown'|'plaintext',
    // preset: 'ap'|'reuters'|'nyt'|'bbc'|'none', config: '.copydesk.toml text'}.
    analyse(text, options = {}) {
      return call((t, tl, o, ol) => exports.copydesk_analyse(t, tl, o, ol),
        [text, JSON.stringify(options)]);
    },
    // Every rule's documentation: id, category, severity, summary, explanation, wrong, right.
    rules() {
      return call(() => exports.copydesk_rules(), []);
    },
  };
}
