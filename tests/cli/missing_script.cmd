no-such-script.icq
# expect exit: 2
