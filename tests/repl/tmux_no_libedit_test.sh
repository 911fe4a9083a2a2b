#!/usr/bin/env bash
# The REPL opens libedit when a session is interactive (repl/cli/line_editor.cpp). When it cannot
# (here a file named like it that is no library, found first on LD_LIBRARY_PATH), the session still
# runs, reading plain lines, and says once why there is no editing, with the package to install.
# Usage: tmux_no_libedit_test.sh ICQ
set -euo pipefail
icq=$(realpath "$1")
work=$(mktemp -d)
session="icq-nolibedit-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/lib"
echo "not a library" > "$work/lib/libedit.so.2"
tmux new-session -d -s "$session" -x 200 -y 60 \
  "env LD_LIBRARY_PATH=$work/lib ICQ_HISTORY=$work/history TERM=xterm $icq 2>$work/stderr"

source "$(dirname "$0")/tmux_wait.sh"

wait_stderr() {  # wait_stderr TEXT: the prompt and notices go to stderr
  local end=$((SECONDS + wait_deadline))
  while ((SECONDS < end)); do
    grep -qF -- "$1" "$work/stderr" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for stderr to show: $1"; cat "$work/stderr"; return 1
}
wait_stderr "icq>"
grep -qF "icq: no line editing, completion or history (" "$work/stderr" || { echo "no word on the missing libedit"; cat "$work/stderr"; exit 1; }
grep -qF "apt install libedit2" "$work/stderr" || { echo "the package to install is not named"; cat "$work/stderr"; exit 1; }
[ "$(grep -c "no line editing" "$work/stderr")" = 1 ] || { echo "said more than once"; cat "$work/stderr"; exit 1; }
tmux send-keys -t "$session" "list models" Enter
wait_for "Qwen-3.5-397B-A17B"
[ ! -e "$work/history" ] || { echo "a history file was written without libedit"; exit 1; }
tmux send-keys -t "$session" C-d
echo "REPL without libedit: plain lines, one notice naming the package"
