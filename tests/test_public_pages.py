"""Every public page answers, with one <h1>, and shows the ward's text."""

import re

import pytest
from django.urls import reverse

from contacts.models import InquiryDesk
from pages.models import Section

pytestmark = pytest.mark.django_db


def public_urls():
    urls = [reverse("pages:home")]
    urls += [s.get_absolute_url() for s in Section.objects.published()]
    return urls


def test_every_public_url_has_one_h1(client, content):
    urls = public_urls()
    assert len(urls) == 18
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert '<html lang="ja"' in html


KEY_SENTENCES = {
    "about": ["12桁の個人番号（マイナンバー）を付番し", "2013年（平成25年）5月に"],
    "benefits": [
        "国民の利便性の向上",
        "面倒な手続きが簡単になります",
        "行政事務の効率化が図れます",
    ],
    "privacy": ["符号に変換して使用し", "個人情報保護委員会", "特定個人情報保護評価の実施"],
    "information-linkage": ["2017年（平成29年）11月13日から", "専用のネットワークシステム"],
    "mynaportal": ["ICカードリーダーが必要", "オンライン申請"],
    "apply-collect": ["証明用写真機", "交付通知書"],
    "renewal": ["有効期限通知書", "5回目の誕生日"],
    "lost-card": ["0120-95-0178", "24時間365日"],
    "pin": ["ロックがかかり", "本人確認書類"],
    "smartphone": ["2025年（令和7年）6月24日", "Android"],
    "foreign-residents": ["在留期間の満了日", "新しい在留カード"],
    "health-insurance": ["2025年（令和7年）12月2日から", "資格確認書"],
    "mynapoint": ["2023年（令和5年）9月30日", "（最大5,000円）"],
    "ordinance": ["区独自利用事務", "条例施行規則"],
    "pia": ["評価実施機関名に「新宿区」と入力して", "後期高齢者医療"],
    "notification-card": ["2020年（令和2年）5月25日に廃止されました"],
    "inquiries": ["マイナンバー総合フリーダイヤル", "24時間365日"],
}


@pytest.mark.parametrize(("slug", "sentences"), KEY_SENTENCES.items())
def test_section_shows_key_sentences(client, content, slug, sentences):
    html = client.get(reverse("pages:section", kwargs={"slug": slug})).content.decode()
    for sentence in sentences:
        assert sentence in html


def test_unknown_section_is_404(client, content):
    assert client.get("/ja/sections/no-such-thing/").status_code == 404


def test_a_section_names_its_own_inquiry_desk_in_the_readers_language(client, content):
    desk = InquiryDesk.objects.create(
        department_ja="健康部",
        department_en="Health Department",
        section_name_ja="医療保険年金課",
        section_name_en="Health Insurance and Pension Section",
        phone="03-5273-4146",
    )
    Section.objects.filter(slug="privacy").update(inquiry_desk=desk)
    default = InquiryDesk.objects.site_default()

    def inquiry(path):
        html = client.get(path).content.decode()
        return html[
            html.index('<aside class="inquiry"') : html.index(
                "</aside>", html.index('<aside class="inquiry"')
            )
        ]

    english = inquiry("/en/sections/privacy/")
    assert "Health Department Health Insurance and Pension Section" in english
    assert f'href="{desk.phone_uri}"' in english
    assert "健康部" not in english
    # Pages that name no desk keep the ward's default.
    assert f'href="{default.phone_uri}"' in inquiry("/en/")
    assert "健康部" not in inquiry("/ja/")
