"""Speed, size and peak memory of the fontassist generator, side by side with pix2pix's U-Net.

For each image size and norm it measures, with random glyph-sized batches:
- train: images/s of one full GAN step (G forward, D on real and fake, D
  backward + Adam step, G adversarial + 100 * L1 backward + Adam step);
- infer: images/s of generator inference (eval mode, inference_mode);
- parameter counts of G and D, and peak memory (CPU: growth of the peak
  resident set of a forked process that builds and runs the models; CUDA:
  torch.cuda.max_memory_allocated).

Rows: ``pix2pix`` is a plain re-implementation of pix2pix's recursive
``UnetGenerator`` (unet_128 / unet_256: ngf = --base-channels, widths capped
at 8 * ngf, 1x1 bottleneck, the same norm); ``ours`` is fontassist's
generator at exactly those widths and without attention, so the ratio
ours/pix2pix compares equal architectures; ``ours+attn`` adds self-attention
at --attention. All rows use fontassist's PatchDiscriminator, so the train
ratio isolates the generator.

Variants (--variants): fp32, channels_last, bf16 (autocast), compile
(torch.compile; the compile time is reported and excluded from the rate).
On CUDA the default is all of them; on CPU only fp32.

  python benchmarks/model_speed.py --sizes 64,128 --steps 3 --base-channels 32
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fontassist.model import ModelConfig, build_discriminator, build_generator, init_weights  # noqa: E402
from fontassist.model.losses import adversarial_loss, l1_loss  # noqa: E402

BATCH = 16
L1_WEIGHT = 100.0


# --- pix2pix's U-Net, re-implemented as the original (models/networks.py) writes it ---------------


def pix2pix_norm_layer(name: str):
    if name == "batch":
        return functools.partial(nn.BatchNorm2d, affine=True, track_running_stats=True)
    if name == "instance":
        return functools.partial(nn.InstanceNorm2d, affine=False, track_running_stats=False)
    return lambda channels: nn.Identity()


class Pix2PixUnetBlock(nn.Module):
    def __init__(
        self,
        outer_nc,
        inner_nc,
        input_nc=None,
        submodule=None,
        outermost=False,
        innermost=False,
        norm_layer=nn.BatchNorm2d,
    ):
        super().__init__()
        self.outermost = outermost
        if type(norm_layer) == functools.partial:  # noqa: E721 - as pix2pix writes it
            use_bias = norm_layer.func == nn.InstanceNorm2d
        else:
            use_bias = norm_layer == nn.InstanceNorm2d
        if input_nc is None:
            input_nc = outer_nc
        downconv = nn.Conv2d(input_nc, inner_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
        downrelu = nn.LeakyReLU(0.2, True)
        downnorm = norm_layer(inner_nc)
        uprelu = nn.ReLU(True)
        upnorm = norm_layer(outer_nc)
        if outermost:
            upconv = nn.ConvTranspose2d(inner_nc * 2, outer_nc, kernel_size=4, stride=2, padding=1)
            model = [downconv, submodule, uprelu, upconv, nn.Tanh()]
        elif innermost:
            upconv = nn.ConvTranspose2d(inner_nc, outer_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
            model = [downrelu, downconv, uprelu, upconv, upnorm]
        else:
            upconv = nn.ConvTranspose2d(
                inner_nc * 2, outer_nc, kernel_size=4, stride=2, padding=1, bias=use_bias
            )
            model = [downrelu, downconv, downnorm, submodule, uprelu, upconv, upnorm]
        self.model = nn.Sequential(*model)

    def forward(self, x):
        if self.outermost:
            return self.model(x)
        return torch.cat([x, self.model(x)], 1)


class Pix2PixUnet(nn.Module):
    def __init__(self, input_nc, output_nc, num_downs, ngf, norm_layer):
        super().__init__()
        block = Pix2PixUnetBlock(ngf * 8, ngf * 8, innermost=True, norm_layer=norm_layer)
        for _ in range(num_downs - 5):
            block = Pix2PixUnetBlock(ngf * 8, ngf * 8, submodule=block, norm_layer=norm_layer)
        block = Pix2PixUnetBlock(ngf * 4, ngf * 8, submodule=block, norm_layer=norm_layer)
        block = Pix2PixUnetBlock(ngf * 2, ngf * 4, submodule=block, norm_layer=norm_layer)
        block = Pix2PixUnetBlock(ngf, ngf * 2, submodule=block, norm_layer=norm_layer)
        self.model = Pix2PixUnetBlock(
            output_nc, ngf, input_nc=input_nc, submodule=block, outermost=True, norm_layer=norm_layer
        )

    def forward(self, x):
        return self.model(x)


# --- measuring --------------------------------------------------------------------------------------


def build_models(row: str, size: int, norm: str, args):
    base = args.base_channels
    config = ModelConfig(
        image_size=size,
        base_channels=base,
        max_channels=args.max_channels or 8 * base,
        norm=norm,
        attention=args.attention if row == "ours+attn" else (),
        disc_channels=args.disc_channels,
        disc_layers=args.disc_layers,
    )
    if row == "pix2pix":
        generator = init_weights(Pix2PixUnet(1, 1, size.bit_length() - 1, base, pix2pix_norm_layer(norm)))
    else:
        generator = build_generator(config)
    return generator.to(args.device), build_discriminator(config).to(args.device)


def timed(step, steps: int, device: str, clock) -> float:
    """Seconds per call of ``step``, over ``steps`` calls."""
    if device == "cuda":
        torch.cuda.synchronize()
    start = clock()
    for _ in range(steps):
        step()
    if device == "cuda":
        torch.cuda.synchronize()
    return (clock() - start) / steps


def measure(row: str, size: int, norm: str, variant: str, args) -> dict:
    torch.manual_seed(0)
    device = args.device
    generator, discriminator = build_models(row, size, norm, args)
    figures = {
        "g_params": sum(p.numel() for p in generator.parameters()),
        "d_params": sum(p.numel() for p in discriminator.parameters()),
    }
    memory_format = torch.channels_last if "channels_last" in variant else torch.contiguous_format
    generator.to(memory_format=memory_format)
    discriminator.to(memory_format=memory_format)
    autocast = (
        functools.partial(torch.autocast, device_type=device, dtype=torch.bfloat16)
        if "bf16" in variant
        else contextlib.nullcontext
    )
    train_g, train_d = generator, discriminator
    compile_s = 0.0
    if "compile" in variant:
        train_g, train_d = torch.compile(generator), torch.compile(discriminator)
    source = (torch.rand(BATCH, 1, size, size, device=device) * 2 - 1).contiguous(memory_format=memory_format)
    target = (torch.rand(BATCH, 1, size, size, device=device) * 2 - 1).contiguous(memory_format=memory_format)
    opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))

    def infer():
        with torch.inference_mode(), autocast():
            train_g(source)

    def train():
        with autocast():
            fake = train_g(source)
            d_loss = adversarial_loss(
                "lsgan", train_d(source, fake.detach()), False, True
            ) + adversarial_loss("lsgan", train_d(source, target), True, True)
        opt_d.zero_grad(set_to_none=True)
        d_loss.backward()
        opt_d.step()
        with autocast():
            g_loss = adversarial_loss("lsgan", train_d(source, fake), True, False) + L1_WEIGHT * l1_loss(
                fake.float(), target
            )
        opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
        opt_g.step()

    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    generator.eval()
    start = time.perf_counter()
    for _ in range(args.warmup):
        infer()
    compile_s += time.perf_counter() - start if "compile" in variant else 0.0
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    figures["infer_ips"] = BATCH / timed(infer, args.steps, device, clock)
    generator.train()
    start = time.perf_counter()
    for _ in range(args.warmup):
        train()
    compile_s += time.perf_counter() - start if "compile" in variant else 0.0
    figures["train_ips"] = BATCH / timed(train, args.steps, device, clock)
    figures["compile_s"] = compile_s
    if device == "cuda":
        figures["peak_mb"] = torch.cuda.max_memory_allocated() / 2**20
    return figures


def _proc_status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _measure_in_child(connection, *spec) -> None:
    try:
        start_rss = _proc_status_mb("VmRSS")
        figures = measure(*spec)
        figures["peak_mb"] = _proc_status_mb("VmHWM") - start_rss
        connection.send(figures)
    except BaseException as error:  # report, do not hang the parent
        connection.send({"error": repr(error)})


def measure_isolated(*spec) -> dict:
    """On Linux CPU, measure in a forked process so its peak resident set is this measurement's alone."""
    if spec[-1].device != "cpu" or not os.path.exists("/proc/self/status"):
        return measure(*spec)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_measure_in_child, args=(sender, *spec))
    process.start()
    figures = receiver.recv()
    process.join()
    if "error" in figures:
        raise RuntimeError(f"measuring {spec[:4]} failed: {figures['error']}")
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="64,128,256", help="comma-separated image sizes (powers of two)")
    parser.add_argument("--norms", default="batch,instance,none")
    parser.add_argument("--rows", default="pix2pix,ours,ours+attn")
    parser.add_argument(
        "--base-channels", type=int, default=32, help="ngf; widths cap at 8x this, as in pix2pix"
    )
    parser.add_argument(
        "--max-channels",
        type=int,
        default=None,
        help="channel cap of our rows; default 8x base, as pix2pix (the pix2pix row needs that)",
    )
    parser.add_argument("--disc-channels", type=int, default=64, help="discriminator width (pix2pix ndf)")
    parser.add_argument("--disc-layers", type=int, default=3)
    parser.add_argument("--attention", default="16", help="resolutions for the ours+attn row")
    parser.add_argument("--steps", type=int, default=3, help="timed steps per figure")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="measure every row this many times, taking turns, and print the medians",
    )
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--variants", default=None, help="fp32,channels_last,bf16,compile (combine with +)")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default=None,
        help="cpu: this process's CPU seconds, so other processes on a shared machine do not "
        "distort the rates (default on CPU); wall: elapsed time (default, and forced, on CUDA)",
    )
    args = parser.parse_args(argv)
    if args.device != "cpu" or args.clock is None:
        args.clock = "cpu" if args.device == "cpu" else "wall"
    args.attention = tuple(int(v) for v in args.attention.split(",") if v)
    variants = (
        args.variants
        or ("fp32,channels_last,bf16,bf16+channels_last,compile" if args.device == "cuda" else "fp32")
    ).split(",")
    rows = args.rows.split(",")
    if args.max_channels not in (None, 8 * args.base_channels) and "pix2pix" in rows:
        rows.remove("pix2pix")
        print("pix2pix row left out: its widths cap at 8x base channels, not --max-channels")
    torch.set_num_threads(args.threads)
    print(
        f"torch {torch.__version__}, device {args.device}, threads {torch.get_num_threads()}, batch {BATCH}, "
        f"base channels {args.base_channels}, max channels {args.max_channels or 8 * args.base_channels}, "
        f"disc channels {args.disc_channels} x {args.disc_layers} layers, "
        f"{args.steps} timed step(s) after {args.warmup} warm-up, {args.clock} clock"
    )
    header = (
        f"{'size':>4} {'norm':>8} {'variant':>20} {'row':>9} {'G params':>9} {'D params':>9} "
        f"{'train img/s':>11} {'infer img/s':>11} {'peak MB':>8} {'train x':>7} {'infer x':>7}"
    )
    print(header)
    if not args.attention and "ours+attn" in rows:
        rows.remove("ours+attn")
    for size in (int(v) for v in args.sizes.split(",")):
        for norm in args.norms.split(","):
            for variant in variants:
                # Rows take turns, repeat after repeat, so load from other processes hits them alike.
                runs = {row: [] for row in rows}
                for _ in range(args.repeats):
                    for row in rows:
                        runs[row].append(measure_isolated(row, size, norm, variant, args))
                figures = {row: _median_figures(row_runs) for row, row_runs in runs.items()}
                baseline = figures.get("pix2pix")
                for row in rows:
                    row_figures = figures[row]
                    ratio = (
                        "{:7.2f} {:7.2f}".format(
                            row_figures["train_ips"] / baseline["train_ips"],
                            row_figures["infer_ips"] / baseline["infer_ips"],
                        )
                        if baseline and row != "pix2pix"
                        else f"{'':>7} {'':>7}"
                    )
                    compiled = (
                        f"  (compile {row_figures['compile_s']:.0f} s)" if row_figures["compile_s"] else ""
                    )
                    print(
                        f"{size:>4} {norm:>8} {variant:>20} {row:>9} {row_figures['g_params']:>9,} "
                        f"{row_figures['d_params']:>9,} {row_figures['train_ips']:>11.1f} "
                        f"{row_figures['infer_ips']:>11.1f} {row_figures['peak_mb']:>8.0f} {ratio}{compiled}",
                        flush=True,
                    )


def _median_figures(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


if __name__ == "__main__":
    main()
