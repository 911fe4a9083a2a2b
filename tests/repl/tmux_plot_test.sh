#!/usr/bin/env bash
# `plot` in a real terminal: the REPL in tmux (120 columns) draws a compare's chart with braille
# cells, the sides' marker glyphs and colours, sized to the pane; then `icq -c "plot …"` piped
# draws it plain (no escapes). Usage: tmux_plot_test.sh ICQ
set -euo pipefail
icq=$(realpath "$1")
work=$(mktemp -d)
session="icq-plot-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
tmux new-session -d -s "$session" -x 120 -y 50 "env ICQ_HISTORY=$work/history TERM=xterm-256color $icq --no-cache 2>$work/stderr"

source "$(dirname "$0")/tmux_wait.sh"

wait_for "icq>"
tmux send-keys -t "$session" "plot compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k show throughput" Enter
wait_for "■ FP8: at 53"
pane=$(tmux capture-pane -t "$session" -p)
colours=$(tmux capture-pane -t "$session" -p -e)
for want in "● FP4   ■ FP8" "Throughput (tok/s/GPU)" "Interactivity (tok/s/user)" "● FP4: at 53 1,422.1‡; at 90 681.1†; at 127 619.9†" \
            "■ FP8: at 53 885.2†; at 90 317.5†; at 127 242.8" "⠁⠁⠁ across a wide gap: nothing measured" "attribution required"; do
  grep -qF -- "$want" <<<"$pane" || { echo "missing from the plot: $want"; echo "$pane"; exit 1; }
done
has_braille() { LC_ALL=C grep -q $'\xe2[\xa0-\xa3]'; }  # UTF-8 of U+2800..U+28FF
has_braille <<<"$pane" || { echo "no braille cells in the plot"; echo "$pane"; exit 1; }
grep -qF $'\x1b[38;5;25m' <<<"$colours" || grep -qF "38;5;25m" <<<"$colours" || { echo "the plot is not coloured on a terminal"; exit 1; }
widest=$(LC_ALL=C.UTF-8 wc -L <<<"$pane")
[ "$widest" -le 120 ] || { echo "the plot is wider ($widest) than the pane"; exit 1; }
tmux send-keys -t "$session" "plot rank gpu by cost at 50 model dsr1 precision fp8" Enter
for _ in $(seq 600); do grep -q "has no chart" "$work/stderr" && break; sleep 0.1; done
grep -q "a rank result has no chart" "$work/stderr" || { echo "plot of a rank did not say it has no chart"; cat "$work/stderr"; exit 1; }
# `plot` is grammar: it takes the statements that read rows, and says so of any other.
tmux send-keys -t "$session" "plot list gpus" Enter
for _ in $(seq 600); do grep -q "to plot" "$work/stderr" && break; sleep 0.1; done
grep -q "expected a statement to plot after 'plot'" "$work/stderr" || { echo "plot of a list is not a syntax error"; cat "$work/stderr"; exit 1; }

# Piped: plain braille, no escapes, 80 columns.
out=$(NO_COLOR= "$icq" --no-cache -c "plot compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k show throughput")
has_braille <<<"$out" || { echo "-c plot: no braille"; exit 1; }
if grep -qF $'\x1b' <<<"$out"; then echo "-c plot piped has escapes"; exit 1; fi
echo "plot: braille chart with markers, values and colour in the REPL, plain when piped"
