// ESLint (flat config) for the project's JavaScript: the page's side of the
// platform (src/platform/web/*.js, Emscripten JS libraries), the browser and
// cross-engine tests, and the benchmarks' drivers (Node ES modules). It looks
// for mistakes (undeclared or unused names, unreachable code, ==), not for
// layout: the files keep the style they have.
import js from '@eslint/js';
import globals from 'globals';

// What an Emscripten JS library may use besides the browser's own globals:
// the runtime's functions and heap views, the library system itself, the
// library entries of Emscripten's own that ours name in __deps, and the
// functions the C++ exports (EMSCRIPTEN_KEEPALIVE in platform_web.cpp).
const emscriptenLibrary = {
  mergeInto: 'readonly',
  LibraryManager: 'readonly',
  Module: 'readonly',
  HEAPU8: 'readonly',
  HEAP32: 'readonly',
  UTF8ToString: 'readonly',
  lengthBytesUTF8: 'readonly',
  stringToNewUTF8: 'readonly',
  GLFW: 'readonly',
  Browser: 'readonly',
  _malloc: 'readonly',
  _platform_wake: 'readonly',
  _platform_app_state: 'readonly',
  _platform_http_done: 'readonly',
  _platform_static_file_done: 'readonly',
  _platform_touch: 'readonly',
  _platform_gesture: 'readonly',
  _platform_pinch: 'readonly',
  _platform_page_hidden: 'readonly',
  _platform_text_input: 'readonly',
  _platform_a11y_focus: 'readonly',
  _platform_a11y_press: 'readonly',
  _platform_clipboard_pasted: 'readonly',
  _platform_fragment_changed: 'readonly',
  _platform_storage_changed: 'readonly',
  _platform_file_opened: 'readonly',
  // Library helpers ($name in one file, used by name in others).
  offerDownload: 'readonly',
};

const rules = {
  ...js.configs.recommended.rules,
  'eqeqeq': ['error', 'always'],
  'no-var': 'error',
  'prefer-const': 'error',
  'no-empty': ['error', { allowEmptyCatch: true }],  // a refused storage or clipboard call is a value, not an error
  'no-unused-vars': ['error', { caughtErrors: 'none' }],
};

export default [
  // Built, installed or written by the tests: not the project's own code.
  { ignores: ['web/', 'build/', '.cache/', 'node_modules/', 'test-results/', '.data/'] },
  {
    files: ['src/platform/web/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { ...globals.browser, ...emscriptenLibrary },
    },
    rules: {
      ...rules,
      // Library entries are C functions: their parameters keep the C names.
      'camelcase': 'off',
    },
  },
  {
    files: ['eslint.config.mjs', 'tests/**/*.mjs', 'bench/**/*.mjs', 'scripts/**/*.mjs', 'backend/**/*.mjs', 'backend/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Node for the test itself; the browser for the functions it runs in the page (page.evaluate).
      globals: { ...globals.node, ...globals.browser },
    },
    rules,
  },
];
