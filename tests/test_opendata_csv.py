"""GET /opendata/locations.csv: 公共施設一覧 in the recommended layout, UTF-8 with BOM."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

URL = "/opendata/locations.csv"
HEADER = [
    "都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "名称", "名称_カナ",
    "名称_通称", "POIコード", "住所", "方書", "緯度", "経度", "電話番号", "内線番号", "法人番号",
    "団体名", "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項", "説明",
    "バリアフリー情報", "URL", "備考",
]  # fmt: skip


@pytest.fixture
def rows(client, content):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    return [dict(zip(HEADER, row, strict=True)) for row in csv.reader(io.StringIO(text))][1:]


def test_header_is_the_recommended_layout(client, content):
    text = client.get(URL).content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text))) == HEADER


def test_one_row_per_location(rows):
    assert len(rows) == 11
    assert [row["NO"] for row in rows] == [str(n) for n in range(1, 12)]
    for row in rows:
        assert row["都道府県コード又は市区町村コード"] == "131041"
        assert (row["都道府県名"], row["市区町村名"], row["団体名"]) == (
            "東京都",
            "新宿区",
            "新宿区",
        )
        assert row["住所"].startswith("東京都新宿区")
        assert row["名称_カナ"]
        # Coordinates are not guessed.
        assert (row["緯度"], row["経度"]) == ("", "")
        assert "12月29日から1月3日まで休み" in row["利用可能日時特記事項"]


def test_ward_office_terminal_row(rows):
    office = rows[0]
    assert office["名称"] == "新宿区役所本庁舎"
    assert office["名称_カナ"] == "シンジュククヤクショホンチョウシャ"
    assert office["名称_通称"] == "マイナポータル用端末"
    assert office["住所"] == "東京都新宿区歌舞伎町一丁目4番1号"
    assert office["方書"] == "1階"
    assert office["利用可能曜日"] == "月,火,水,木,金"
    assert (office["開始時間"], office["終了時間"]) == ("08:30", "17:00")
    assert office["URL"].endswith("/ja/locations/honcho-terminal/")
    assert "マイナンバーカード" in office["備考"]


def test_regional_centre_row(rows):
    yotsuya = next(row for row in rows if row["名称"] == "四谷地域センター")
    assert yotsuya["名称_カナ"] == "ヨツヤチイキセンター"
    assert yotsuya["名称_通称"] == "マイナポータル用端末"
    assert yotsuya["利用可能曜日"] == "月,火,水,木,金,土,日,祝"
    assert (yotsuya["開始時間"], yotsuya["終了時間"]) == ("09:30", "20:00")
    assert "土曜日 09:30-17:30" in yotsuya["利用可能日時特記事項"]
    assert "戸籍住民課にお問い合わせください" in yotsuya["説明"]


def test_unpublished_locations_are_left_out(client, content):
    from facilities.models import Location

    Location.objects.filter(slug="yotsuya").update(status="draft")
    text = client.get(URL).content.decode("utf-8-sig")
    assert "四谷地域センター" not in text
    assert len(list(csv.reader(io.StringIO(text)))) == 11
