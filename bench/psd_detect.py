#!/usr/bin/env python3
"""Runs PySceneDetect's content detector the way `scenedetect -i VIDEO detect-content` does by
default (OpenCV backend, automatic downscale, ContentDetector() defaults) and prints the first
frame of every scene after the first, space-separated, for bench/analysis.sh to score.

PySceneDetect must be importable: `pip install scenedetect[opencv]`, or a source checkout on
PYTHONPATH with Debian's python3-opencv and python3-numpy:
    CUTROOM_BENCH_PSD="env PYTHONPATH=/path/to/PySceneDetect /usr/bin/python3 bench/psd_detect.py" bench/analysis.sh
"""
import sys

from scenedetect import ContentDetector, SceneManager, open_video


def main() -> None:
    video = open_video(sys.argv[1], backend="opencv")
    manager = SceneManager()
    manager.add_detector(ContentDetector())
    manager.detect_scenes(video=video)
    print(" ".join(str(start.get_frames()) for start, _ in manager.get_scene_list()[1:]))


if __name__ == "__main__":
    main()
