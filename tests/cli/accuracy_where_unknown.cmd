# accuracy's where reads its table's columns: an unknown one names them, with a did-you-mean.
-c "accuracy model dsr1 where em_strct < 0.5"
# expect exit: 1
