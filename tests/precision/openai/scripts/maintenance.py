"""Operations script: files, fine-tuning jobs, images, audio and moderation."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import openai
from openai import OpenAI

client = OpenAI()


def upload_training_file(path: Path) -> str:
    with path.open("rb") as handle:
        uploaded = client.files.create(file=handle, purpose="fine-tune")
    print(f"uploaded {uploaded.filename} as {uploaded.id}")
    return uploaded.id


def start_fine_tune(training_file: str, base_model: str = "gpt-4o-mini-2024-07-18") -> str:
    job = client.fine_tuning.jobs.create(
        model=base_model,
        training_file=training_file,
        hyperparameters={"n_epochs": 3},
        suffix="support-bot",
    )
    while job.status in {"validating_files", "queued", "running"}:
        time.sleep(30)
        job = client.fine_tuning.jobs.retrieve(job.id)
        for event in client.fine_tuning.jobs.list_events(fine_tuning_job_id=job.id, limit=5):
            print(event.created_at, event.message)
    if job.status != "succeeded":
        raise SystemExit(f"fine-tuning ended with {job.status}: {job.error}")
    return job.fine_tuned_model or ""


def download_results(file_id: str, target: Path) -> None:
    content = client.files.content(file_id)
    target.write_bytes(content.read())


def draw(prompt: str) -> str:
    result = client.images.generate(model="dall-e-3", prompt=prompt, size="1024x1024", n=1)
    return result.data[0].url or ""


def transcribe(path: Path) -> str:
    with path.open("rb") as audio:
        transcript = client.audio.transcriptions.create(model="whisper-1", file=audio)
    return transcript.text


def moderate(lines: list[str]) -> list[dict[str, object]]:
    response = client.moderations.create(model="omni-moderation-latest", input=lines)
    report = []
    for line, result in zip(lines, response.results):
        categories = result.categories.model_dump()
        report.append({"text": line[:60], "flagged": result.flagged, "hate": categories["hate"]})
    return report


def list_models(prefix: str) -> list[str]:
    return [model.id for model in client.models.list() if model.id.startswith(prefix)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["train", "draw", "transcribe", "moderate", "models"])
    parser.add_argument("argument", nargs="?")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            model = start_fine_tune(upload_training_file(Path(args.argument)))
            print(f"fine-tuned model: {model}")
        elif args.command == "draw":
            print(draw(args.argument))
        elif args.command == "transcribe":
            print(transcribe(Path(args.argument)))
        elif args.command == "moderate":
            lines = Path(args.argument).read_text().splitlines()
            print(json.dumps(moderate(lines), indent=2))
        else:
            print("\n".join(list_models(args.argument or "gpt-")))
    except openai.APIConnectionError as error:
        print(f"cannot reach the API: {error.__cause__}", file=sys.stderr)
        return 2
    except openai.APIStatusError as error:
        print(f"API error {error.status_code}: {error.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
