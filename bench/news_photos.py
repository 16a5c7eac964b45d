"""Cost of a news photo upload and of cleaning an article's text (issue 19).

Runs in a temporary directory (PARTNERWERK_VAR_DIR), so no real media folder is touched:

    .venv/bin/python bench/news_photos.py [--width 6000 --height 4000 --repeat 3]

It makes a synthetic photo (noise over a gradient, which compresses like a real one), runs
`content.images.process_upload` on it (check, turn upright, resize to 480, 960 and 1,600
pixels, WebP and JPEG) and prints the time and the bytes of each rendition; then it cleans a
20 KB article text with hostile markup through `content.richtext.clean` and prints the time.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--width", type=int, default=6000)
    parser.add_argument("--height", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["PARTNERWERK_VAR_DIR"] = tempfile.mkdtemp(prefix="partnerwerk-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from partnerwerk.content import images
    from partnerwerk.content.richtext import clean

    size = (args.width, args.height)
    noise = Image.effect_noise(size, 40).convert("L")
    gradient = Image.linear_gradient("L").resize(size)
    photo = Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=90)
    data = buffer.getvalue()
    print(f"photo: {args.width} x {args.height} px, {len(data) / 1e6:.1f} MB JPEG")

    seconds = []
    for number in range(args.repeat):
        # A different byte each round, so every round writes its renditions afresh.
        upload = SimpleUploadedFile("photo.jpg", data + bytes([number]), "image/jpeg")
        started = time.perf_counter()
        processed = images.process_upload(upload)
        seconds.append(time.perf_counter() - started)
    print(
        f"process_upload: median {statistics.median(seconds):.2f} s "
        f"(min {min(seconds):.2f}, max {max(seconds):.2f}, {args.repeat} runs)"
    )
    for width in processed.widths:
        sizes = {
            extension: default_storage.size(
                images.rendition_path(f"{processed.digest}-{width}.{extension}")
            )
            for extension in ("webp", "jpg")
        }
        webp, jpeg = sizes["webp"] / 1e3, sizes["jpg"] / 1e3
        print(f"  {width:>5} px: WebP {webp:6.0f} kB, JPEG {jpeg:6.0f} kB")

    paragraph = (
        '<p style="color:red" onclick="x()">Ein Absatz mit <a href="javascript:alert(1)">Link</a>'
        ' und <a href="https://www.dortmund.de/">Stadt</a>.</p><script>alert(1)</script>'
    )
    text = paragraph * (20_000 // len(paragraph))
    started = time.perf_counter()
    for _ in range(100):
        clean(text)
    per_text = (time.perf_counter() - started) / 100
    print(f"richtext.clean: {len(text) / 1e3:.0f} kB text in {per_text * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
