#!/usr/bin/env bash
# Drives the real REPL and a batch run in tmux (issue 13, the host):
#  - Ctrl-C during a long statement cancels that statement, not the REPL: "cancelled" is its error,
#    the session keeps its parameters and history, and prompts again;
#  - Ctrl-C during `icq -c …` stops the run after what finished, exit code 130;
#  - lines of one statement join with a newline: a `--` comment ends with its line, and an error
#    names the line of the statement it is on;
#  - dot-command errors are drawn like query errors, with "did you mean".
# Every wait polls the screen or a file against a generous deadline (a loaded machine is slow).
# Usage: tmux_host_test.sh ICQ [PART...]   (parts: continuation dots cancel batch; default all)
set -euo pipefail
icq=$(realpath "$1")
shift
parts=" ${*:-continuation dots cancel batch} "
want() { [[ "$parts" == *" $1 "* ]]; }
work=$(mktemp -d)
session="icq-host-$$"
batch="icq-host-batch-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; tmux kill-session -t "$batch" 2>/dev/null || true; rm -rf "$work"' EXIT
export ICQ_HISTORY="$work/history"
# About 8 s of evaluation on a 2-core machine (a frontier per GPU and run date, 9 metrics at 9,500
# targets); `explain` keeps its output small.
long="explain trend throughput, cost, power, energy, ttft p99, tpot p99, e2el p99, ttft, tpot model dsr1 at 10..200 step 0.02 by gpu"
deadline=60  # seconds for any one wait

fail() { echo "FAIL: $*"; tmux capture-pane -t "$session" -p 2>/dev/null || true; echo "--- stderr"; cat "$work/stderr" 2>/dev/null || true; exit 1; }
source "$(dirname "$0")/tmux_wait.sh"
wait_deadline=$deadline
wait_in() {  # wait_in FILE TEXT: poll FILE until it holds TEXT
  local end=$((SECONDS + deadline))
  while ((SECONDS < end)); do
    grep -qF -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  fail "timed out waiting for $1 to hold: $2"
}
now() { date +%s.%N; }
since() { awk "BEGIN { printf \"%.2f\", $(now) - $1 }"; }

tmux new-session -d -s "$session" -x 200 -y 60 "env ICQ_HISTORY=$ICQ_HISTORY TERM=xterm NO_COLOR=1 $icq 2>$work/stderr"
wait_for "icq>"

# --- continuation lines: a comment ends with its line; an error names the line it is on.
if want continuation; then
tmux send-keys -t "$session" "compare precision fp4 vs -- the new one" Enter
wait_for "...>"
tmux send-keys -t "$session" "fp8 on mi355x model dsr1 at 90" Enter
wait_for "Verdicts"
tmux send-keys -t "$session" "compare precision fp4 vs" Enter
wait_for "...>"
tmux send-keys -t "$session" "  fp9 on mi355x" Enter
wait_in "$work/stderr" "unknown precision 'fp9'"
grep -qF "repl:2:3: error: unknown precision 'fp9'" "$work/stderr" || fail "the error does not name line 2, column 3 of the statement"
grep -qxF "    fp9 on mi355x" "$work/stderr" || fail "the caret line is not the second line as typed"
# A line ending in a backslash asks for the next one, as in a script.
tmux send-keys -t "$session" C-l
tmux send-keys -t "$session" 'list gpus \' Enter
wait_for "...>"
tmux send-keys -t "$session" "model dsr1" Enter
wait_for "list gpus model dsr1"
fi

# --- dot-command errors through the diagnostic formatter.
if want dots; then
tmux send-keys -t "$session" ".mdoe json" Enter
wait_in "$work/stderr" "repl:1:1: error: unknown command '.mdoe'"
wait_in "$work/stderr" "help: did you mean '.mode'?"
tmux send-keys -t "$session" ".mode jsn" Enter
wait_in "$work/stderr" "repl:1:7: error: unknown mode 'jsn'"
wait_in "$work/stderr" "help: did you mean 'json'?"
fi

# --- Ctrl-C during a long statement cancels it; the session lives on with its state.
if want cancel; then
tmux send-keys -t "$session" "param g = b200" Enter
wait_for "\$g is b200"
# Results go to a file meanwhile: had the statement run to its end, it would not flood the screen.
tmux send-keys -t "$session" ".output $work/long.txt" Enter
tmux send-keys -t "$session" C-l
tmux send-keys -t "$session" "$long" Enter
wait_for "step 0.02 by gpu"
sleep 1  # into the statement (it runs for seconds), past the prompt's own Ctrl-C handling
sent=$(now)
tmux send-keys -t "$session" C-c
wait_in "$work/stderr" "repl:1:1: error: cancelled"
took=$(since "$sent")
echo "REPL: Ctrl-C cancelled the statement in ${took} s"
[ ! -s "$work/long.txt" ] || fail "the cancelled statement wrote a result"
tmux send-keys -t "$session" ".output" Enter
tmux send-keys -t "$session" "compare gpu \$g vs h200 model dsr1 precision fp8 at interactivity 50" Enter
wait_for "compare gpu b200 vs h200 model dsr1"
grep -q "e2el" "$ICQ_HISTORY" || fail "the cancelled statement is not in the history"
fi
tmux send-keys -t "$session" C-d
for _ in $(seq 100); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done

# --- Ctrl-C during a batch run: the finished inputs printed, the rest not, exit code 130.
if want batch; then
session="$batch"
tmux new-session -d -s "$session" -x 200 -y 20 \
  "bash -c '$icq -c \"list vendors\" -c \"$long\" -c \"list gpus\" >$work/out 2>$work/stderr; echo \"exit: \$?\" >$work/rc; sleep 60'"
wait_in "$work/out" "nvidia"  # `list vendors` is out: the long statement runs now
sleep 1
sent=$(now)
tmux send-keys -t "$session" C-c
wait_in "$work/rc" "exit:"
took=$(since "$sent")
echo "batch: Ctrl-C stopped the run in ${took} s"
grep -qxF "exit: 130" "$work/rc" || fail "the batch run exited with $(cat "$work/rc"), not 130"
grep -qF "query:1:1: error: cancelled" "$work/stderr" || fail "the batch run did not say the statement was cancelled"
! grep -qF "mi355x" "$work/out" || fail "the input after the cancelled one ran"
fi
echo "host ($parts): Ctrl-C cancels a statement (REPL and batch), continuation lines keep comments and lines, dot-command errors are diagnostics"
