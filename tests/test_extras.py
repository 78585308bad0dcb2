"""``pip install transitiesim`` gives the model and the command line without the app, sweep and
report extras; a part used without its extra names the extra to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

from transitiesim.extras import EXTRAS

BLOCK = "; ".join(f"sys.modules[{m!r}] = None" for ms in EXTRAS.values() for m in ms)
PRELUDE = f"import sys; {BLOCK}; import importlib.util as u; " \
          "u.find_spec = (lambda f: (lambda n, *a: None if n in sys.modules and " \
          "sys.modules[n] is None else f(n, *a)))(u.find_spec); "


def python(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PRELUDE + code], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_the_model_and_the_cli_run_without_any_extra(tmp_path):
    proc = python("from transitiesim.cli import main; sys.exit(main(['run', 'default', "
                  "'--scale', '0.01', '--set', 'end_year=2014', '--out', 'out', '--quiet']))",
                  tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "out" / "national.parquet").is_file()
    for module in ("streamlit", "plotly", "SALib", "dask", "matplotlib"):
        assert f"No module named '{module}'" not in proc.stderr


@pytest.mark.parametrize("args, extra", [
    (["sweep", "lhs.toml", "--out", "o", "--workers", "1"], "sweep"),
    (["validate", "--scale", "0.002", "--seeds", "1", "--out", "v"], "report"),
])
def test_a_part_without_its_extra_names_the_extra(args, extra, tmp_path):
    (tmp_path / "lhs.toml").write_text(
        'scenario = "default"\nbase = { scale = 0.01, end_year = 2014 }\ndesign = "lhs"\n'
        "samples = 2\n[parameters.citizen_power]\n", encoding="utf-8")
    proc = python(f"from transitiesim.cli import main; sys.exit(main({args!r}))", tmp_path)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert f"pip install 'transitiesim[{extra}]'" in proc.stderr
    assert "Traceback" not in proc.stderr
