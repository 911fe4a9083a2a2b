# .output to a folder that does not exist: the reason, at the word.
-f {case_dir}/scripts/dot_output.icq
# expect exit: 2
