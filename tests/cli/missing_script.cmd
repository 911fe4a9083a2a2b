no-such-script.icq
