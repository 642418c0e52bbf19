-- Driven by tests/test_neovim.py: nvim --headless --clean -l tests/nvim_check.lua
-- Reads UPSTREAM_* environment variables, writes what Neovim saw as JSON, then quits.
local root = os.getenv('UPSTREAM_REPO')
local file = os.getenv('UPSTREAM_FILE')
local out = os.getenv('UPSTREAM_OUT')
local fix_title = os.getenv('UPSTREAM_FIX_TITLE')

vim.opt.runtimepath:prepend(root .. '/editors/nvim')
vim.g.upstream_python = os.getenv('UPSTREAM_PYTHON')
vim.lsp.config('upstream', { settings = { upstream = { debounce = 0 } } })
vim.lsp.enable('upstream')
vim.cmd('edit ' .. vim.fn.fnameescape(file))

local result = { filetype = vim.bo.filetype, diagnostics = {} }
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(result.diagnostics, {
    code = d.code,
    message = d.message,
    source = d.source,
    lnum = d.lnum,
    col = d.col,
    href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
  })
end

if fix_title and #result.diagnostics > 0 then
  local before = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.api.nvim_win_set_cursor(0, { result.diagnostics[1].lnum + 1, result.diagnostics[1].col })
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action) return vim.startswith(action.title, fix_title) end,
  })
  vim.wait(20000, function()
    return table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n') ~= before
  end, 50)
  result.text_after_fix = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
end

vim.fn.writefile({ vim.json.encode(result) }, out)
vim.cmd('qa!')
