#!/usr/bin/env bash
# Results wrap to the terminal: in a 100-column REPL (tmux), `help` and `list fields` print no line
# longer than 100 columns (lines the terminal had to wrap are joined back by capture-pane -J), and
# the same statements piped stay one line per row, as before. Usage: tmux_width_test.sh ICQ
set -euo pipefail
icq=$(realpath "$1")
work=$(mktemp -d)
session="icq-width-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
tmux new-session -d -s "$session" -x 100 -y 50 "env ICQ_HISTORY=$work/history TERM=xterm-256color NO_COLOR=1 $icq --no-cache 2>$work/stderr"
tmux set-option -t "$session" history-limit 5000 >/dev/null

screen() { tmux capture-pane -t "$session" -p -J -S -; }
prompts() { screen | grep -c '^icq>' || true; }
wait_prompts() {  # wait_prompts N: poll until N prompts are on the screen (30 s at most)
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(prompts)" -ge "$1" ] && return 0
    sleep 0.1
  done
  echo "timed out waiting for prompt $1"; screen; cat "$work/stderr"; return 1
}

wait_prompts 1
n=1
for statement in "help" "list fields"; do
  tmux send-keys -t "$session" "$statement" Enter
  n=$((n + 1))
  wait_prompts "$n"
done
out=$(screen)
for want in "statement" "compare" "what it does" "conc"; do
  grep -qF -- "$want" <<<"$out" || { echo "missing from the screen: $want"; echo "$out"; exit 1; }
done
widest=$(sed 's/ *$//' <<<"$out" | LC_ALL=C.UTF-8 wc -L)
if [ "$widest" -gt 100 ]; then
  echo "a line is $widest columns wide in a 100-column terminal:"
  sed 's/ *$//' <<<"$out" | awk -v max=100 '{ if (length($0) > max) print }' | head -5
  exit 1
fi

# Piped: no wrapping (help's rows stay one line each).
piped=$("$icq" --no-cache -c "help" | LC_ALL=C.UTF-8 wc -L)
[ "$piped" -gt 100 ] || { echo "piped help is $piped columns wide: it should not wrap"; exit 1; }
echo "help and list fields fit a 100-column terminal ($widest columns); piped help stays unwrapped ($piped)"
