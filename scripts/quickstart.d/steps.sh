# Steps of the quick start after the vault is ready; sourced by scripts/quickstart.sh.
# Each feature adds its own line here.
