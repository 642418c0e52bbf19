-- :checkhealth upstream
local M = {}

function M.check()
  vim.health.start('upstream')
  local config = vim.lsp.config and vim.lsp.config.upstream
  if not config then
    vim.health.error('no lsp/upstream.lua on runtimepath (Neovim 0.11+ needed)')
    return
  end
  local cmd = config.cmd
  local python = type(cmd) == 'table' and cmd[1] or 'python3'
  if vim.fn.executable(python) ~= 1 then
    vim.health.error(python .. ' not found: set vim.g.upstream_python')
    return
  end
  local version = vim.fn.system({ python, '-m', 'upstream', '--version' })
  if vim.v.shell_error ~= 0 then
    vim.health.error('upstream is not installed for ' .. python, { 'pip install upstream' })
    return
  end
  vim.health.ok(vim.trim(version) .. ' (' .. python .. ')')
  local rules = vim.fn.system({ python, '-m', 'upstream', 'rules' })
  local summary = rules:match('(%d+ rules in %d+ packs)')
  if summary then
    vim.health.ok('packs loaded: ' .. summary)
  else
    vim.health.warn('could not list rules: ' .. rules)
  end
  local clients = vim.lsp.get_clients({ name = 'upstream' })
  if #clients > 0 then
    vim.health.ok('server running (client id ' .. clients[1].id .. ')')
  else
    vim.health.info('server not running in this session (vim.lsp.enable("upstream"))')
  end
end

return M
