-- Plugin entry for lazy.nvim / packer / vim-plug: makes lsp/upstream.lua available and
-- adds :checkhealth upstream. Enabling the server stays the user's choice:
--   vim.lsp.enable('upstream')
if vim.g.loaded_upstream then
  return
end
vim.g.loaded_upstream = true
