"""pip install ./python: the icq package, its extension module built through the repository's CMake.

Offline and without build isolation: the build uses the setuptools, wheel and pybind11 already
installed (Debian's python3-setuptools, python3-wheel, pybind11-dev / python3-pybind11) and the
C++ dependencies of icq (.ci/install-deps --app, plus python3-dev). In a venv:

    python3 -m venv --system-site-packages .venv
    .venv/bin/pip install ./python              # pip 23 (Debian 12): no isolation without pyproject.toml
    .venv/bin/pip install --no-build-isolation ./python   # the same with any pip
    .venv/bin/pip wheel --no-build-isolation --no-deps -w dist ./python   # a wheel

Environment: ICQ_PYTHON_BUILD_DIR puts setuptools' and CMake's build folders there (default
python/build), so a second build is incremental; CMAKE_BUILD_PARALLEL_LEVEL sets the build's jobs;
ICQ_PYTHON_CMAKE_TREE names a build tree of the repository already configured with ICQ_PYTHON=ON
(a preset's, e.g. build/dev): the module is built there, incrementally, instead of in a tree of
its own (the tests use it so that CI compiles the library once).
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent  # the repository: CMakeLists.txt, include/, interpreter/ …
BUILD = Path(os.environ.get("ICQ_PYTHON_BUILD_DIR") or HERE / "build").resolve()


def version() -> str:
    for line in (ROOT / "include" / "icq" / "version.hpp").read_text().splitlines():
        if line.startswith("#define ICQ_VERSION_STRING"):
            return line.split('"')[1]
    raise RuntimeError("no ICQ_VERSION_STRING in include/icq/version.hpp")


class CMakeExtension(Extension):
    def __init__(self, name: str):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures the repository with ICQ_PYTHON=ON (no tests) and builds the module icq._icq and,
    when librsvg is there, the PNG helper icq-png, which goes into the package's bin/."""

    def build_extension(self, ext: Extension) -> None:
        if not (ROOT / "CMakeLists.txt").exists():
            raise RuntimeError(f"the icq package builds from its repository: no CMakeLists.txt in {ROOT}")
        cmake = shutil.which("cmake")
        if cmake is None:
            raise RuntimeError("building icq needs cmake (Debian: cmake, and .ci/install-deps --app for the libraries)")
        given = os.environ.get("ICQ_PYTHON_CMAKE_TREE")
        tree = Path(given).resolve() if given else BUILD / f"cmake-{sys.implementation.cache_tag}"
        args = [
            cmake, "-S", str(ROOT), "-B", str(tree),
            "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=OFF", "-DICQ_PYTHON=ON",
            f"-DPython_EXECUTABLE={sys.executable}",
        ]
        if shutil.which("ninja") and not (tree / "CMakeCache.txt").exists():
            args += ["-G", "Ninja"]
        try:
            import pybind11  # noqa: PLC0415

            args.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        except ImportError:
            pass  # pybind11-dev's CMake package, found by CMake itself
        if given:
            if not (tree / "CMakeCache.txt").exists():
                raise RuntimeError(f"ICQ_PYTHON_CMAKE_TREE={given} is not a configured build tree of icq")
        else:
            subprocess.run(args, check=True)
        targets = ["icq_python"]
        probe = subprocess.run([cmake, "--build", str(tree), "--target", "help"], capture_output=True, text=True)
        if "icq-png" in probe.stdout:  # configured only where librsvg is installed
            targets.append("icq-png")
        subprocess.run([cmake, "--build", str(tree), "--target", *targets], check=True)

        built = tree / "python" / "icq"
        modules = sorted(built.glob("_icq*.so"))
        if not modules:
            raise RuntimeError(f"the build made no icq._icq module in {built}")
        dest = Path(self.get_ext_fullpath(ext.name))
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(modules[0], dest)
        png = tree / "bin" / "icq-png"
        if png.exists():
            (dest.parent / "bin").mkdir(exist_ok=True)
            shutil.copy2(png, dest.parent / "bin" / "icq-png")


BUILD.mkdir(parents=True, exist_ok=True)  # egg_info writes there
setup(
    name="icq",
    version=version(),
    description="Inference comparison queries over InferenceX benchmark results: sessions, DataFrames and Jupyter magics",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="see the repository",
    python_requires=">=3.8",
    packages=["icq"],
    ext_modules=[CMakeExtension("icq._icq")],
    cmdclass={"build_ext": CMakeBuild},
    extras_require={"pandas": ["pandas"], "jupyter": ["ipython", "ipykernel"]},
    zip_safe=False,
    options={"build": {"build_base": str(BUILD / "setuptools")}, "egg_info": {"egg_base": str(BUILD)}},
)
