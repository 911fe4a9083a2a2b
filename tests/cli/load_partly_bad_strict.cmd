# A load's warnings come with its statement; with --strict a partly bad file makes the run exit 2.
--strict -c "load {case_dir}/scripts/partly_bad.json"
# expect exit: 2
