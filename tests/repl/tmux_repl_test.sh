#!/usr/bin/env bash
# Drives the real REPL in tmux: a query typed over two lines (the first ends after `vs`, so the
# prompt continues), with a Tab completion of the GPU name, then reads the rendered table back.
# Also checks the history file is created private (0600). Usage: tmux_repl_test.sh ICQ
set -euo pipefail
icq=$(realpath "$1")
work=$(mktemp -d)
session="icq-test-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
export ICQ_HISTORY="$work/history"
# stderr (the banner, ^C, notices) goes to a file the test reads; the prompt and results stay on screen.
tmux new-session -d -s "$session" -x 200 -y 60 "env ICQ_HISTORY=$ICQ_HISTORY TERM=xterm $icq 2>$work/stderr"

source "$(dirname "$0")/tmux_wait.sh"

wait_for "icq>"
tmux send-keys -t "$session" "compare precision fp4 vs" Enter
wait_for "...>"
tmux send-keys -t "$session" "fp8 on mi35" Tab
wait_for "fp8 on mi355x"
tmux send-keys -t "$session" "model dsr1 at 90" Enter
wait_for "Verdicts"
pane=$(tmux capture-pane -t "$session" -p)
for want in "compare precision fp4 vs fp8 gpu mi355x model dsr1 seq 1k/1k at interactivity 90" \
            "│ Throughput (tok/s/GPU) │         90 │   681.1† │   317.5† │ FP4    │ 2.15x │" \
            "│ Cost (\$/M tok)         │         90 │  \$0.612† │  \$1.312† │ FP4    │ 2.15x │" \
            "at 90 tok/s/user: FP4 is 115% cheaper per token"; do
  if ! grep -qF -- "$want" <<<"$pane"; then
    echo "missing from the REPL screen: $want"; echo "$pane"; exit 1
  fi
done
# Ctrl-C on a continuation line drops the pending statement and prompts again; the session lives,
# and the history already holds each line as it was entered (before any clean exit).
tmux send-keys -t "$session" "compare precision fp4 vs" Enter
wait_for "...>"
tmux send-keys -t "$session" C-c
tmux send-keys -t "$session" "list models" Enter
wait_for "Qwen-3.5-397B-A17B"
grep -q "list.040models" "$ICQ_HISTORY" || { echo "history is not written as each line is entered"; exit 1; }
tmux send-keys -t "$session" "compare precision fp4 vs" Enter
wait_for "...>"
tmux send-keys -t "$session" C-d
for _ in $(seq 300); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done
grep -q "the unfinished statement was discarded" "$work/stderr" || { echo "Ctrl-D on a continuation did not say it discarded the statement"; cat "$work/stderr"; exit 1; }
mode=$(stat -c %a "$ICQ_HISTORY")
[ "$mode" = 600 ] || { echo "history file mode is $mode, expected 600"; exit 1; }
grep -q "mi355x" "$ICQ_HISTORY" || { echo "history does not hold the query"; exit 1; }
echo "REPL: continuation, completion, rendering, Ctrl-C, Ctrl-D on a continuation and history work"
