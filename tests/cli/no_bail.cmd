--no-bail -f {case_dir}/scripts/no_bail.icq
# expect exit: 1
