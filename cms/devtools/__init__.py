"""Development tooling: benchmarks and fault runs, and the hooks only they use.

Installed by the dev and test settings (and by `bench_settings` for `make bench`), never by
production's.
"""
