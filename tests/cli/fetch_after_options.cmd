# Options before the word `fetch` go to it: here a cache that is a file, not a folder.
--cache {case_dir}/scripts/dot_typos.icq fetch
# expect exit: 2
