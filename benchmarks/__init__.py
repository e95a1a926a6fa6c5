"""OrderDesk's performance figures, each set against a baseline of the same run.

`uv run python -m benchmarks` measures every figure and prints one table;
see `benchmarks/README.md`. pytest never collects this package: its
`testpaths` are `tests` and `sandbox/tests`, and no test asserts a timing.
"""
