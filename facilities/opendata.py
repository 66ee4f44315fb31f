"""Locations as data: the JSON API, the 公共施設一覧 CSV and schema.org JSON-LD.

Every open/closed answer comes from hours.status_at, as on the pages.
"""

import datetime

from django.utils import timezone
from django.utils.translation import override

from . import hours
from .models import Location

LOCAL_GOVERNMENT_CODE = "131041"  # 全国地方公共団体コード: 東京都新宿区
PREFECTURE = "東京都"
MUNICIPALITY = "新宿区"
# 法人番号 of Shinjuku City: check digit + "000020" + the local government code.
CORPORATE_NUMBER = "7000020131041"

CSV_HEADER = [
    "都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "名称", "名称_カナ",
    "名称_通称", "POIコード", "住所", "方書", "緯度", "経度", "電話番号", "内線番号", "法人番号",
    "団体名", "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項", "説明",
    "バリアフリー情報", "URL", "備考",
]  # fmt: skip
# Open data is published in Japanese, whatever the reader's language.
KIND_NAMES_JA = {
    Location.Kind.DESK: "職員による支援窓口",
    Location.Kind.TERMINAL: "マイナポータル用端末",
}
DAY_TYPE_NAMES_JA = {
    hours.WEEKDAY: "平日",
    hours.SATURDAY: "土曜日",
    hours.SUNDAY: "日曜日",
    hours.HOLIDAY: "祝日",
}
DAY_TYPE_WEEKDAYS_JA = {
    hours.WEEKDAY: "月,火,水,木,金",
    hours.SATURDAY: "土",
    hours.SUNDAY: "日",
    hours.HOLIDAY: "祝",
}
SCHEMA_DAYS = {
    hours.WEEKDAY: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    hours.SATURDAY: ["Saturday"],
    hours.SUNDAY: ["Sunday"],
    hours.HOLIDAY: ["PublicHolidays"],
}


def hhmm(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def hours_json(schedule: hours.Schedule) -> list[dict]:
    return [
        {"day_type": kind, "opens": hhmm(period.opens), "closes": hhmm(period.closes)}
        for kind, periods in schedule.weekly_table()
        for period in periods
    ]


def location_json(location, closures, moment) -> dict:
    schedule = location.schedule(closures)
    status = hours.status_at(moment, schedule)
    return {
        "id": location.slug,
        "name": location.name_ja,
        "kind": location.kind,
        "address": location.address_ja,
        "floor": location.floor_ja,
        "is_open": status.is_open,
        "next_change": status.next_change.isoformat() if status.next_change else None,
        "today": [
            {"opens": hhmm(period.opens), "closes": hhmm(period.closes)}
            for period in status.today_hours
        ],
        "hours": hours_json(schedule),
        "closures": [
            {
                "name": c.name_ja,
                "from": f"--{c.start_month:02}-{c.start_day:02}",
                "to": f"--{c.end_month:02}-{c.end_day:02}",
            }
            for c in (closures if location.observes_yearly_closures else ())
        ],
        "latitude": float(location.latitude) if location.latitude is not None else None,
        "longitude": float(location.longitude) if location.longitude is not None else None,
        # E.164, for machines; `phone_display` as the facility writes it.
        "phone": location.phone_e164 or None,
        "phone_display": location.phone_display or None,
        "access": location.access_ja or None,
        "accessibility": location.accessibility_ja or None,
        # "" (not confirmed), "japanese", "staff" or "interpreting".
        "language_help": location.language_help or None,
        "language_note": location.language_note_ja or None,
    }


def hours_text_ja(schedule: hours.Schedule, closures) -> str:
    """'平日 09:30-20:00、土曜日 09:30-17:30、…。12月29日から1月3日まで休み'."""
    parts = [
        f"{DAY_TYPE_NAMES_JA[kind]} {hhmm(p.opens)}-{hhmm(p.closes)}"
        for kind, periods in schedule.weekly_table()
        for p in periods
    ]
    text = "、".join(parts)
    for closure in closures:
        text += (
            f"。{closure.start_month}月{closure.start_day}日から"
            f"{closure.end_month}月{closure.end_day}日まで休み"
        )
    return text


def full_address(address: str) -> str:
    return address if address.startswith(PREFECTURE) else PREFECTURE + address


def csv_row(number, location, closures, site_url) -> list[str]:
    observed = closures if location.observes_yearly_closures else ()
    schedule = location.schedule(observed)
    weekly = dict(schedule.weekly_table())
    days = [DAY_TYPE_WEEKDAYS_JA[kind] for kind, periods in weekly.items() if periods]
    # 開始時間/終了時間 give the weekday hours (or the first day type with hours);
    # the full rules are in 利用可能日時特記事項.
    first = next((periods[0] for periods in weekly.values() if periods), None)
    description = "、".join(s.name_ja for s in location.services.all())
    if location.note_lines:
        lines = [line.strip() for line in location.notes_ja.splitlines() if line.strip()]
        description += "。" + "".join(line.rstrip("。") + "。" for line in lines)
    remarks = []
    if location.items_to_bring.all():
        remarks.append(f"持ち物: {'、'.join(i.text_ja for i in location.items_to_bring.all())}")
    if location.access_ja:
        remarks.append(f"交通: {location.access_ja}")
    if location.phone_note_ja:
        remarks.append(location.phone_note_ja)
    remarks.append(f"外国語での支援: {language_help_ja(location)}")
    return [
        LOCAL_GOVERNMENT_CODE,
        str(number),
        PREFECTURE,
        MUNICIPALITY,
        location.name_ja,
        location.name_kana,
        KIND_NAMES_JA[location.kind],
        "",
        full_address(location.address_ja),
        location.floor_ja or "",
        str(location.latitude) if location.latitude is not None else "",
        str(location.longitude) if location.longitude is not None else "",
        location.phone_display,
        "",
        CORPORATE_NUMBER,
        MUNICIPALITY,
        ",".join(days),
        hhmm(first.opens) if first else "",
        hhmm(first.closes) if first else "",
        hours_text_ja(schedule, observed),
        description,
        location.accessibility_ja,
        absolute_ja_url(location, site_url),
        "。".join(remarks),
    ]


def language_help_ja(location) -> str:
    with override("ja"):
        text = str(location.get_language_help_display()).rstrip("。")
    note = location.language_note_ja.strip().replace("\n", "")
    return f"{text}({note.rstrip('。')})" if note else text


def absolute_ja_url(location, site_url) -> str:
    with override("ja"):
        return site_url + location.get_absolute_url()


def json_ld(location, closures, page_url, on=None) -> dict:
    """schema.org GovernmentOffice with its opening hours, for search engines."""
    on = on or timezone.localdate()
    observed = closures if location.observes_yearly_closures else ()
    schedule = location.schedule(observed)
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{day}" for day in SCHEMA_DAYS[kind]],
            "opens": hhmm(period.opens),
            "closes": hhmm(period.closes),
        }
        for kind, periods in schedule.weekly_table()
        for period in periods
    ]
    # Closed days: schema.org's convention is opens = closes = 00:00.
    for closure in observed:
        start, end = closure.next_range(on)
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00",
                "closes": "00:00",
                "validFrom": start.isoformat(),
                "validThrough": end.isoformat(),
            }
        )
    for exception in location.dated_exceptions():
        if exception.date < on:
            continue
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00" if exception.is_closed else hhmm(exception.opens),
                "closes": "00:00" if exception.is_closed else hhmm(exception.closes),
                "validFrom": exception.date.isoformat(),
                "validThrough": exception.date.isoformat(),
            }
        )
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": f"{location.name_ja} {KIND_NAMES_JA[location.kind]}",
        "url": page_url,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "JP",
            "addressRegion": PREFECTURE,
            "streetAddress": " ".join(filter(None, [location.address_ja, location.floor_ja])),
        },
        "openingHoursSpecification": specs,
    }
    if location.phone:
        data["telephone"] = location.phone_e164
    if location.latitude is not None and location.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    return data
