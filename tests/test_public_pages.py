"""Every public page answers, with one <h1>, and shows the ward's text."""

import re

import pytest
from django.urls import reverse

from pages.models import Section

pytestmark = pytest.mark.django_db


def public_urls():
    urls = [reverse("pages:home")]
    urls += [s.get_absolute_url() for s in Section.objects.published()]
    return urls


def test_every_public_url_has_one_h1(client, content):
    urls = public_urls()
    assert len(urls) == 12
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert '<html lang="ja"' in html


KEY_SENTENCES = {
    "about": ["12桁の個人番号(マイナンバー)を付番し", "平成25年5月に"],
    "benefits": [
        "国民の利便性の向上",
        "面倒な手続きが簡単になります",
        "行政事務の効率化が図れます",
    ],
    "privacy": ["符号に変換して使用し", "個人情報保護委員会", "特定個人情報保護評価の実施"],
    "information-linkage": ["平成29年11月13日から", "専用のネットワークシステム"],
    "mynaportal": ["ICカードリーダーが必要", "子育てに関するサービスの検索"],
    "health-insurance": ["令和3年10月(予定)から", "オンラインでの資格確認とは"],
    "mynapoint": ["25%(最大5,000円)", "各地域センター"],
    "ordinance": ["区独自利用事務", "条例施行規則"],
    "pia": ["評価実施機関名に「新宿区」と入力のうえ", "高齢者医療担当課のページ"],
    "notification-card": ["令和2年5月25日に廃止されました"],
    "inquiries": ["内閣府がコールセンターを開設しています"],
}


@pytest.mark.parametrize(("slug", "sentences"), KEY_SENTENCES.items())
def test_section_shows_key_sentences(client, content, slug, sentences):
    html = client.get(reverse("pages:section", kwargs={"slug": slug})).content.decode()
    for sentence in sentences:
        assert sentence in html


def test_unknown_section_is_404(client, content):
    assert client.get("/ja/sections/no-such-thing/").status_code == 404
