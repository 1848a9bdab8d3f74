#!/usr/bin/env bash
# The CUDA check of fontassist, in one go and under 8 minutes on one GPU (each part has its own time limit):
#   1. the CUDA tests (pytest -m cuda: bf16/fp16 + GradScaler, channels_last, torch.compile, a real
#      out-of-memory error, and 2 GPUs against 1 over NCCL when there are 2);
#   2. the 256 px training benchmark of the real trainer: images/s, ms/step and peak memory of
#      fp32, amp (bf16 or fp16, channels_last) and amp + torch.compile, in one process;
#   3. when the machine has 2 GPUs or more: the amp benchmark again in 2 processes (torchrun, NCCL,
#      the same batch per GPU, so the global batch doubles);
# and prints one table. Run it from anywhere, in an environment with fontassist's dependencies and a CUDA
# build of torch (pip install -e '.[test]'):
#   bash benchmarks/gpu.sh
set -u
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
PY=${PYTHON:-python}
work=$(mktemp -d /tmp/fontassist-gpu-XXXXXX)
trap 'rm -rf "$work"' EXIT

gpus=$($PY -c "import torch; print(torch.cuda.device_count() if torch.cuda.is_available() else 0)" 2>/dev/null || echo 0)
$PY -c "import torch; print('torch', torch.__version__, 'CUDA', torch.version.cuda)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=index,name,memory.total,driver_version --format=csv,noheader
if [ "$gpus" -lt 1 ]; then
    echo "gpu.sh: no CUDA GPU visible to torch; nothing to measure." >&2
    exit 1
fi

echo "== 1/3 CUDA tests"
timeout 180 $PY -m pytest -q -m cuda -p no:cacheprovider tests/train/test_cuda.py 2>&1 | tee "$work/tests.txt" | tail -15
tests_status=${PIPESTATUS[0]}

echo "== 2/3 training benchmark, 1 process (256 px, batch 16)"
timeout 200 $PY benchmarks/gpu_train.py --size 256 --batch 16 --modes fp32,amp,compile --json "$work/one.json"
bench_status=$?

two_status="skipped (1 GPU)"
if [ "$gpus" -ge 2 ]; then
    echo "== 3/3 training benchmark, 2 processes (torchrun, NCCL)"
    timeout 90 $PY -m torch.distributed.run --standalone --nproc-per-node 2 \
        benchmarks/gpu_train.py --size 256 --batch 16 --modes amp --json "$work/two.json"
    two_status=$?
fi

echo
echo "== fontassist on $gpus GPU(s): $(tail -n 1 "$work/tests.txt")"
$PY benchmarks/gpu_train.py --table "$work/one.json" "$work/two.json"
echo "exit statuses: tests $tests_status, 1-process benchmark $bench_status, 2-process benchmark $two_status"
[ "$tests_status" = 0 ] && [ "$bench_status" = 0 ]
