-- upstream language server for Neovim 0.11+:
--   vim.lsp.enable('upstream')            -- with this folder on 'runtimepath'
-- Override anything with vim.lsp.config('upstream', { ... }).
-- `cmd` runs the server from the Python that has upstream installed
-- (pip install upstream); set it to your virtualenv's python if needed.
return {
  cmd = { vim.g.upstream_python or 'python3', '-m', 'upstream', 'lsp' },
  filetypes = {
    'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
    'java', 'go', 'sql', 'yaml',
  },
  root_markers = { 'pyproject.toml', 'upstream.toml', 'package.json', '.git' },
  settings = {
    upstream = {
      -- packs = { 'mongodb', 'openai' },   -- bundled packs to use (default: all)
      -- packPaths = { 'tools/our-pack' },
      -- workspacePacks = false,            -- load packs found in the workspace
      -- disable = { 'openai/completion-removed' },
      -- severity = { ['mongodb/shard-key-monotonic'] = 'error' },
      -- unknownVersion = 'apply',
      -- newCodeMode = false,
      -- debounce = 150,
    },
  },
}
