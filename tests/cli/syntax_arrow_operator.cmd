# `=>` is named, with the operator meant
-c "points on mi355x model dsr1 where conc => 16"
# expect exit: 1
