"""Static Persian data the seed draws from: names, places, products, notes.

Each name is paired with a Latin spelling, used for usernames, which are
Latin in the real shop.
"""

from __future__ import annotations

FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("بهروز", "Behrooz"),
    ("پدرام", "Pedram"),
    ("مریم", "Maryam"),
    ("زهرا", "Zahra"),
    ("علی", "Ali"),
    ("محمد", "Mohammad"),
    ("فاطمه", "Fatemeh"),
    ("رضا", "Reza"),
    ("سارا", "Sara"),
    ("نرگس", "Narges"),
    ("حسین", "Hossein"),
    ("مهدی", "Mahdi"),
    ("نیلوفر", "Niloufar"),
    ("امیرحسین", "Amirhossein"),
    ("کاوه", "Kaveh"),
    ("شیرین", "Shirin"),
    ("آرش", "Arash"),
    ("پریسا", "Parisa"),
    ("سعید", "Saeed"),
    ("لیلا", "Leila"),
    ("یاسمن", "Yasaman"),
    ("بابک", "Babak"),
    ("الهام", "Elham"),
    ("فرهاد", "Farhad"),
)

# Some last names hold a zero-width non-joiner (U+200C), as Persian
# compound names do, to exercise shaping and search in the client.
LAST_NAMES: tuple[tuple[str, str], ...] = (
    ("قربانی", "Ghorbani"),
    ("زمانی", "Zamani"),
    ("احمدی", "Ahmadi"),
    ("محمدی", "Mohammadi"),
    ("حسینی", "Hosseini"),
    ("رضایی", "Rezaei"),
    ("کریمی", "Karimi"),
    ("موسوی", "Mousavi"),
    ("جعفری", "Jafari"),
    ("صادقی", "Sadeghi"),
    ("نوروزی", "Norouzi"),
    ("کاظمی", "Kazemi"),
    ("شریفی", "Sharifi"),
    ("عباسی", "Abbasi"),
    ("اکبری", "Akbari"),
    ("نجفی", "Najafi"),
    ("علی‌پور", "Alipour"),
    ("صالحی‌نیا", "Salehinia"),
    ("میرزایی", "Mirzaei"),
    ("طاهری", "Taheri"),
)

# (state name, state code, cities)
STATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("تهران", "TE", ("تهران", "شمیرانات", "ری")),
    ("اصفهان", "ES", ("اصفهان", "کاشان", "نجف‌آباد")),
    ("فارس", "FA", ("شیراز", "مرودشت")),
    ("خراسان رضوی", "KV", ("مشهد", "نیشابور")),
    ("آذربایجان شرقی", "EA", ("تبریز", "اسکو", "مراغه")),
    ("گیلان", "GI", ("رشت", "لاهیجان")),
    ("مازندران", "MN", ("ساری", "بابل")),
    ("خوزستان", "KZ", ("اهواز", "دزفول")),
    ("کرمان", "KE", ("کرمان", "رفسنجان")),
    ("یزد", "YA", ("یزد", "میبد")),
)

STREETS: tuple[str, ...] = (
    "خیابان ولیعصر",
    "خیابان انقلاب",
    "بلوار کشاورز",
    "خیابان چهارباغ",
    "خیابان امام رضا",
    "بلوار ارم",
    "خیابان فردوسی",
    "خیابان حافظ",
    "بلوار معلم",
)

# (name, category, price in Rial, has an image)
PRODUCTS: tuple[tuple[str, str, int, bool], ...] = (
    ("گوشی موبایل سامسونگ Galaxy A55", "موبایل", 24_500_000, True),
    ("هدفون بی‌سیم", "لوازم جانبی", 3_250_000, True),
    ("کتاب شازده کوچولو", "کتاب", 185_000, False),
    ("چای ایرانی ۵۰۰ گرمی", "خوراکی", 420_000, False),
    ("زعفران سرگل ۴٫۶ گرمی", "خوراکی", 1_350_000, True),
    ("فرش دستباف کاشان", "فرش", 25_000_000, False),
    ("کفش ورزشی", "پوشاک", 2_890_000, False),
    ("کیبورد مکانیکی", "لوازم جانبی", 4_700_000, True),
    ("ماگ سرامیکی", "خانه", 125_000, False),
    ("عسل طبیعی یک کیلویی", "خوراکی", 980_000, False),
    ("پسته اکبری", "خوراکی", 2_150_000, False),
    ("روسری ابریشمی", "پوشاک", 1_640_000, False),
    ("ساعت مچی", "اکسسوری", 7_800_000, False),
    ("کوله‌پشتی", "کیف", 1_990_000, False),
    ("دفتر یادداشت", "لوازم التحریر", 145_000, False),
    ("لپ‌تاپ ایسوس VivoBook 15", "کامپیوتر", 23_900_000, False),
)

ORDER_NOTES: tuple[str, ...] = (
    "",
    "",
    "لطفاً قبل از ارسال تماس بگیرید.",
    "تحویل فقط در ساعات اداری.",
    "بسته‌بندی کادویی شود.",
    "مشتری فاکتور رسمی می‌خواهد.",
    "سفارش از طریق Instagram ثبت شد.",
    "کد رهگیری پست: RR123456789IR",
    "شماره تماس دوم: 09121234567",
    "در صورت نبودن، به نگهبانی ساختمان تحویل شود.",
)

HTML_NOTE = "<b>bold</b> <img src=x> یادداشت با HTML که نباید اجرا شود"
# U+202E (right-to-left override) and U+202C (pop) reorder what follows.
BIDI_NOTE = "فایل پیوست: \u202egpj.exe\u202c لطفاً بررسی شود"

ITEM_NOTES: tuple[str, ...] = (
    "",
    "",
    "",
    "رنگ آبی",
    "سایز ۴۲",
    "بسته‌بندی جدا",
    "مدل 2024",
)

PAYMENT_NOTES: tuple[str, ...] = (
    "",
    "",
    "پرداخت هنگام تحویل",
    "واریز به کارت 6037-9911-xxxx",
    "by zarinpal",
    "تأیید شده توسط مدیر فروشگاه",
    "رسید ارسال شد",
)

# (name, Latin file stem, colour, label, image kind): kind "none" means no
# image, "bare" an image without thumbnails (the key is left out then).
PAYMENT_METHODS: tuple[tuple[str, str, tuple[int, int, int], str, str], ...] = (
    ("پرداخت در محل", "cash", (120, 120, 120), "C", "none"),
    ("زرین پال", "zarinpal", (230, 180, 30), "Z", "bare"),
    ("کارت به کارت", "card-to-card", (40, 140, 90), "K", "full"),
    ("درگاه بانک ملت", "mellat", (190, 40, 60), "M", "full"),
)

SHIPPING_METHODS: tuple[tuple[str, str, tuple[int, int, int], str, str], ...] = (
    ("پیک موتوری", "peyk-motori", (60, 90, 160), "1", "full"),
    ("پست پیشتاز", "post-pishtaz", (30, 120, 150), "2", "full"),
    ("تیپاکس", "tipax", (200, 90, 30), "3", "full"),
    ("تحویل حضوری", "pickup", (90, 90, 90), "4", "none"),
)
# The shipping method that costs nothing: the customer collects the order.
PICKUP = "تحویل حضوری"
