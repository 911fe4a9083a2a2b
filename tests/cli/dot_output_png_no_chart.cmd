# .output FILE.png, then results without a chart, then .output again: the PNG asked for is an error there.
--no-bail -f {case_dir}/scripts/dot_output_png.icq
# expect exit: 2
