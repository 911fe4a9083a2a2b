# Dot-command errors are drawn like query errors (line:column, the caret, help with a suggestion).
--no-bail -f {case_dir}/scripts/dot_typos.icq
# expect exit: 2
