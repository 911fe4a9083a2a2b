-f {case_dir}/scripts/dot_bad_mode.icq
# expect exit: 2
