-f {case_dir}/scripts/dot_unknown.icq
# expect exit: 2
