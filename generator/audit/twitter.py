"""Reading public Twitter customer-support exports: threads rebuilt from the reply links.

The layout (tweet_id, author_id, inbound, created_at, text, response_tweet_id,
in_response_to_tweet_id) has one tweet a row. Tweets linked by replies, in either
direction, form one conversation, named after its earliest tweet id; a link to a tweet that
is not in the file still joins the tweets that share it. Inbound tweets are the customer's,
the others an agent's with the company's account as author.
"""

from __future__ import annotations

import csv

from generator.audit.reading import BadRecord, Log, ReadOptions
from generator.wording import say


def read_twitter(reader: csv.DictReader[str], name: str, options: ReadOptions, log: Log) -> None:
    parent: dict[str, str] = {}

    def root(tweet: str) -> str:
        parent.setdefault(tweet, tweet)
        while parent[tweet] != tweet:
            parent[tweet] = parent[parent[tweet]]
            tweet = parent[tweet]
        return tweet

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            # The smaller id (the older tweet, ids grow with time) names the conversation.
            small, large = sorted((ra, rb), key=_order)
            parent[large] = small

    rows = []
    for row in reader:
        tweet = (row.get("tweet_id") or "").strip()
        rows.append((reader.line_num, tweet, row))
        if not tweet:
            continue
        root(tweet)
        links = f"{row.get('response_tweet_id') or ''},{row.get('in_response_to_tweet_id') or ''}"
        for other in links.split(","):
            if other.strip():
                join(tweet, other.strip())
    for line, tweet, row in rows:
        inbound = (row.get("inbound") or "").strip().lower()
        if not tweet or inbound not in ("true", "false"):
            log.bad.append(
                BadRecord(
                    name, line, say("a tweet needs tweet_id and an inbound flag True or False.")
                )
            )
            continue
        customer = inbound == "true"
        record = {
            "conversation": root(tweet),
            "channel": options.twitter_channel,
            "time": row.get("created_at"),
            "role": "customer" if customer else "agent",
            "text": row.get("text"),
            "author": None if customer else row.get("author_id"),
        }
        log.add(record, (name, line), options)


def _order(tweet: str) -> tuple[int, int | str]:
    return (0, int(tweet)) if tweet.isdigit() else (1, tweet)
