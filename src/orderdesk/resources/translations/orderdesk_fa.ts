<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name></name>
    <message>
        <location filename="../../views/errors.py" line="+32"/>
        <source>This order was not saved on this computer, so it cannot be opened while the server is unreachable.</source>
        <translation>این سفارش روی این رایانه ذخیره نشده است؛ تا وقتی سرور در دسترس نیست نمی‌توان آن را باز کرد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not accept the token. Sign in again.</source>
        <translation>سرور توکن را نپذیرفت. دوباره وارد شوید.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account may not do that. Editing payments needs the OrderPaymentPermission; ask an administrator.</source>
        <translation>این حساب اجازهٔ این کار را ندارد. ویرایش پرداخت‌ها مجوز OrderPaymentPermission لازم دارد؛ از مدیر سیستم بخواهید.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server does not offer the shop API at this address. Check the server address.</source>
        <translation>این سرور در این نشانی رابط فروشگاه را ارائه نمی‌دهد. نشانی سرور را بررسی کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order or payment no longer exists on the server.</source>
        <translation>این سفارش یا پرداخت دیگر روی سرور وجود ندارد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the values. Check the fields marked.</source>
        <translation>سرور مقادیر واردشده را نپذیرفت. فیلدهای مشخص‌شده را بررسی کنید.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests. Try again in %1 seconds.</source>
        <translation>تعداد درخواست‌ها بیش از حد مجاز است. %1 ثانیهٔ دیگر دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many requests. Try again in a moment.</source>
        <translation>تعداد درخواست‌ها بیش از حد مجاز است. چند لحظهٔ دیگر دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 was not accepted: %2. Check the server address; a company certificate authority must be installed in the system&apos;s certificate store.</source>
        <translation>گواهی %1 پذیرفته نشد: %2. نشانی سرور را بررسی کنید؛ گواهی مرجع صدور شرکت باید در مخزن گواهی‌های سیستم نصب شده باشد.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server failed. Try again; if it persists, call support.</source>
        <translation>خطایی در سرور رخ داد. دوباره تلاش کنید؛ اگر تکرار شد، با پشتیبانی تماس بگیرید.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server could not be reached. Check the network and try again.</source>
        <translation>ارتباط با سرور برقرار نشد. اتصال شبکه را بررسی کنید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent OrderDesk to another address. Check the server address in the sign-in settings.</source>
        <translation>سرور OrderDesk را به نشانی دیگری فرستاد. نشانی سرور را در تنظیمات ورود بررسی کنید.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server address is not valid, or plain http is not allowed for it. Use an https:// address.</source>
        <translation>نشانی سرور معتبر نیست یا http ساده برای آن مجاز نیست. از نشانی https:// استفاده کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An image on another server was not loaded.</source>
        <translation>تصویری که روی سرور دیگری بود بارگیری نشد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the request (%1).</source>
        <translation>سرور درخواست را نپذیرفت (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server answered something OrderDesk cannot read.</source>
        <translation>پاسخ سرور برای OrderDesk قابل خواندن نیست.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request failed: %1</source>
        <translation>درخواست انجام نشد: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong: %1</source>
        <translation>خطای پیش‌بینی‌نشده: %1</translation>
    </message>
    <message>
        <location filename="../../views/formatting.py" line="+117"/>
        <source>Toman</source>
        <translation>تومان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rial</source>
        <translation>ریال</translation>
    </message>
    <message>
        <location filename="../../views/items_model.py" line="+78"/>
        <source>Product</source>
        <translation>کالا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product ID</source>
        <translation>شناسهٔ کالا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>قیمت واحد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit discount</source>
        <translation>تخفیف واحد</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/order_page.py" line="+242"/>
        <location filename="../../views/totals_panel.py" line="+38"/>
        <source>Quantity</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/totals_panel.py" line="-10"/>
        <source>Subtotal</source>
        <translation>جمع جزء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>تخفیف</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/orders_model.py" line="+327"/>
        <location filename="../../views/totals_panel.py" line="+3"/>
        <source>Total</source>
        <translation>مبلغ کل</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/order_page.py" line="-132"/>
        <location filename="../../views/order_view.py" line="+347"/>
        <location filename="../../views/payments_model.py" line="+56"/>
        <location filename="../../views/review_model.py" line="+325"/>
        <source>Notes</source>
        <translation>توضیحات</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/orders_model.py" line="-1"/>
        <location filename="../../views/payments_model.py" line="+1"/>
        <location filename="../../views/review_model.py" line="-7"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/payments_model.py" line="+1"/>
        <source>Updated</source>
        <translation>آخرین ویرایش</translation>
    </message>
    <message>
        <location filename="../../views/about_dialog.py" line="+265"/>
        <source>About OrderDesk</source>
        <translation>درباره OrderDesk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About</source>
        <translation>درباره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licences</source>
        <translation>مجوزها</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>درباره &amp;Qt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>OrderDesk icon</source>
        <translation>نماد OrderDesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../views/main_window.py" line="+115"/>
        <location filename="../../views/printing.py" line="+155"/>
        <source>OrderDesk</source>
        <translation>OrderDesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown</source>
        <translation>نامشخص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1</source>
        <translation>نسخه %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record, correct and approve the payments of shop orders.</source>
        <translation>ثبت، اصلاح و تأیید پرداخت‌های سفارش‌های فروشگاه.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1، PySide6 %2، Python %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OrderDesk is free software under the MIT licence.</source>
        <translation>OrderDesk نرم‌افزاری آزاد با مجوز MIT است.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Shipped components</source>
        <translation>اجزای همراه برنامه</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Licence text</source>
        <translation>متن مجوز</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="+17"/>
        <source>Open an order to see it here (Ctrl+L).</source>
        <translation>برای دیدن سفارش در اینجا، آن را باز کنید (Ctrl+L).</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Loading order %1…</source>
        <translation>در حال دریافت سفارش %1…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Looking for the order…</source>
        <translation>در حال جست‌وجوی سفارش…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Order %1 — OrderDesk</source>
        <translation>سفارش %1 — OrderDesk</translation>
    </message>
    <message>
        <location filename="../../views/payment_editors.py" line="+102"/>
        <source>Approve the payment of %1 by %2?</source>
        <translation>پرداخت %1 با %2 تأیید شود؟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve payment</source>
        <translation>تأیید پرداخت</translation>
    </message>
    <message>
        <location filename="../../views/sign_out.py" line="+61"/>
        <location line="+32"/>
        <source>Sign out</source>
        <translation>خروج از حساب</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Sign out of %1? This computer forgets the token and every order saved for offline review.</source>
        <translation>از %1 خارج می‌شوید؟ این رایانه توکن و همهٔ سفارش‌های ذخیره‌شده برای بررسی آفلاین را پاک می‌کند.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signing out…</source>
        <translation>در حال خروج…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signing out did not finish: some saved data may remain. Try again; if it fails again, call support.</source>
        <translation>خروج کامل نشد و ممکن است بخشی از داده‌های ذخیره‌شده باقی مانده باشد. دوباره تلاش کنید؛ اگر باز هم نشد با پشتیبانی تماس بگیرید.</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="+116"/>
        <source>Back online: the server answers again.</source>
        <translation>دوباره آنلاین: سرور پاسخ می‌دهد.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server cannot be reached (since %1). Offline review is off on this computer, so no saved orders can be shown. Retrying…</source>
        <translation>سرور در دسترس نیست (از %1). بررسی آفلاین روی این رایانه خاموش است، پس سفارش ذخیره‌شده‌ای برای نمایش نیست. در حال تلاش دوباره…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline since %1: showing orders saved on this computer. Editing is off until the server answers again. Retrying…</source>
        <translation>آفلاین از %1: سفارش‌های ذخیره‌شده روی این رایانه نمایش داده می‌شوند. تا پاسخ دوبارهٔ سرور، ویرایش ممکن نیست. در حال تلاش دوباره…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Offline: editing is off until the server answers again.</source>
        <translation>آفلاین: تا پاسخ دوبارهٔ سرور، ویرایش ممکن نیست.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Orders and review queue</source>
        <translation>سفارش‌ها و صف بررسی</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../views/orders_list.py" line="+259"/>
        <source>Orders</source>
        <translation>سفارش‌ها</translation>
    </message>
    <message>
        <location line="-261"/>
        <location line="+262"/>
        <source>Review queue</source>
        <translation>صف بررسی</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>Order list</source>
        <translation>فهرست سفارش‌ها</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>No order has the ID or key %1.</source>
        <translation>سفارشی با شناسه یا کد %1 پیدا نشد.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open order…</source>
        <translation>&amp;باز کردن سفارش…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Back</source>
        <translation>&amp;بازگشت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Forward</source>
        <translation>&amp;جلو</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>&amp;به‌روزرسانی</translation>
    </message>
    <message>
        <location filename="../../views/sign_out.py" line="-48"/>
        <source>Sign &amp;out…</source>
        <translation>&amp;خروج از حساب…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Order</source>
        <translation>&amp;سفارش</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../views/orders_model.py" line="-5"/>
        <location filename="../../views/review_model.py" line="+1"/>
        <source>Order</source>
        <translation>سفارش</translation>
    </message>
    <message>
        <location filename="../../views/window_menus.py" line="+39"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show amounts in</source>
        <translation>نمایش مبالغ به</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rial</source>
        <translation>&amp;ریال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Toman</source>
        <translation>&amp;تومان</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Columns</source>
        <translation>&amp;ستون‌ها</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="+26"/>
        <source>The language changes the next time OrderDesk starts.</source>
        <translation>زبان از اجرای بعدی OrderDesk تغییر می‌کند.</translation>
    </message>
    <message>
        <location filename="../../views/window_menus.py" line="+31"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;About OrderDesk</source>
        <translation>&amp;دربارهٔ OrderDesk</translation>
    </message>
    <message>
        <location filename="../../views/connection_status.py" line="+42"/>
        <source>Plain http: this connection is not encrypted</source>
        <translation>http ساده: این اتصال رمزگذاری نشده است</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="+12"/>
        <source>Order ID or key:</source>
        <translation>شناسه یا کد سفارش:</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+88"/>
        <source>Open order</source>
        <translation>باز کردن سفارش</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Payment %1 saved (%2). Outstanding now: %3</source>
        <translation>پرداخت %1 ذخیره شد (%2). مانده اکنون: %3</translation>
    </message>
    <message>
        <location filename="../../views/payment_editors.py" line="+61"/>
        <source>The server no longer accepts your token. Sign in to continue.</source>
        <translation>سرور دیگر توکن شما را نمی‌پذیرد. برای ادامه دوباره وارد شوید.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Payment not saved</source>
        <translation>پرداخت ذخیره نشد</translation>
    </message>
    <message>
        <location filename="../../views/order_view.py" line="-274"/>
        <source>Pending</source>
        <translation>در انتظار بررسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing</source>
        <translation>در حال پردازش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>تحویل‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>لغوشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>وجه مسترد شده</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="+165"/>
        <location filename="../../views/order_view.py" line="+78"/>
        <source>Items (%1)</source>
        <translation>اقلام (%1)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../../views/order_view.py" line="+4"/>
        <source>Payments (%1)</source>
        <translation>پرداخت‌ها (%1)</translation>
    </message>
    <message>
        <location filename="../../views/order_view.py" line="+80"/>
        <source>Saved copy from %1</source>
        <translation>نسخهٔ ذخیره‌شده از %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Copy key</source>
        <translation>کپی کد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the order key to the clipboard</source>
        <translation>کپی کد سفارش در حافظه</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Key:</source>
        <translation>کد سفارش:</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="-96"/>
        <location filename="../../views/order_view.py" line="+11"/>
        <location filename="../../views/orders_model.py" line="+2"/>
        <location filename="../../views/review_model.py" line="+2"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+38"/>
        <location filename="../../views/order_view.py" line="+5"/>
        <location line="+14"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location line="-37"/>
        <location filename="../../views/order_view.py" line="-13"/>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <location filename="../../views/order_view.py" line="+1"/>
        <location line="+17"/>
        <location filename="../../views/orders_model.py" line="+1"/>
        <source>Mobile</source>
        <translation>تلفن همراه</translation>
    </message>
    <message>
        <location line="-26"/>
        <location filename="../../views/order_view.py" line="-13"/>
        <source>Billing</source>
        <translation>اطلاعات صورتحساب</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../views/order_view.py" line="+9"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/order_view.py" line="+1"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/order_view.py" line="+1"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/order_view.py" line="+1"/>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <location line="-27"/>
        <location filename="../../views/order_view.py" line="+5"/>
        <source>Payment and delivery</source>
        <translation>پرداخت و ارسال</translation>
    </message>
    <message>
        <location line="-8"/>
        <location filename="../../views/order_view.py" line="+5"/>
        <source>Payment method</source>
        <translation>روش پرداخت</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../views/order_view.py" line="+1"/>
        <source>Shipping method</source>
        <translation>روش ارسال</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../views/order_view.py" line="+1"/>
        <source>Shipping cost</source>
        <translation>هزینهٔ ارسال</translation>
    </message>
    <message>
        <location filename="../../views/extra_table.py" line="+25"/>
        <source>Additional order data</source>
        <translation>اطلاعات تکمیلی سفارش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <location filename="../../views/order_view.py" line="+16"/>
        <source>Items and payments</source>
        <translation>اقلام و پرداخت‌ها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The items of the order; a product&apos;s tooltip shows its snapshot.</source>
        <translation>اقلام سفارش؛ راهنمای هر کالا اطلاعات ثبت‌شدهٔ آن را نشان می‌دهد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter or F2 edits the selected payment; Ctrl+Shift+A approves it.</source>
        <translation>Enter یا F2 پرداخت انتخاب‌شده را ویرایش می‌کند و Ctrl+Shift+A آن را تأیید می‌کند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../views/review_queue.py" line="+235"/>
        <source>Edit payment…</source>
        <translation>ویرایش پرداخت…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit payment…</source>
        <translation>&amp;ویرایش پرداخت…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Go to &amp;items</source>
        <translation>رفتن به &amp;اقلام</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to &amp;payments</source>
        <translation>رفتن به &amp;پرداخت‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../views/review_queue.py" line="+18"/>
        <source>&amp;Approve payment…</source>
        <translation>&amp;تأیید پرداخت…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../views/review_queue.py" line="-14"/>
        <source>Approve…</source>
        <translation>تأیید…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../views/review_queue.py" line="+3"/>
        <source>Approve the selected payment (Ctrl+Shift+A)</source>
        <translation>تأیید پرداخت انتخاب‌شده (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="-431"/>
        <location filename="../../views/order_page.py" line="+38"/>
        <location filename="../../views/order_view.py" line="-44"/>
        <location line="+58"/>
        <location filename="../../views/totals_panel.py" line="+6"/>
        <source>Items</source>
        <translation>اقلام</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/order_view.py" line="-51"/>
        <location line="+52"/>
        <source>Payments</source>
        <translation>پرداخت‌ها</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="-168"/>
        <location filename="../../views/order_view.py" line="+6"/>
        <source>Order %1</source>
        <translation>سفارش %1</translation>
    </message>
    <message>
        <location line="+95"/>
        <location filename="../../views/order_view.py" line="+10"/>
        <source>Created %1 · Updated %2</source>
        <translation>ثبت: %1 · آخرین ویرایش: %2</translation>
    </message>
    <message>
        <location filename="../../views/payment_dialog.py" line="+106"/>
        <source>Payment %1 of order %2</source>
        <translation>پرداخت %1 از سفارش %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Reloaded: the form shows the server&apos;s current values, with your own changes kept. Check them, then save.</source>
        <translation>اطلاعات دوباره از سرور خوانده شد: فرم مقادیر فعلی سرور را نشان می‌دهد و تغییرات شما حفظ شده است. آن‌ها را بررسی و سپس ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="+155"/>
        <location filename="../../views/payment_dialog.py" line="+45"/>
        <location filename="../../views/payments_model.py" line="+69"/>
        <source>Approved</source>
        <translation>تأیید شده</translation>
    </message>
    <message>
        <location filename="../../views/payment_dialog.py" line="+8"/>
        <source>Payment &amp;method</source>
        <translation>&amp;روش پرداخت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount</source>
        <translation>&amp;مبلغ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/payments_model.py" line="-73"/>
        <source>Approval</source>
        <translation>وضعیت تأیید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transaction ID</source>
        <translation>&amp;شناسهٔ تراکنش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;توضیحات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the customer paid.</source>
        <translation>روشی که مشتری با آن پرداخت کرده است.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount in Rial, the smallest unit; Persian digits and separators are accepted.</source>
        <translation>مبلغ به ریال، کوچک‌ترین واحد؛ ارقام و جداکننده‌های فارسی پذیرفته می‌شوند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whether the payment is approved and counts as paid.</source>
        <translation>آیا پرداخت تأیید شده و در مبلغ پرداخت‌شده حساب می‌شود.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reference of the bank or payment gateway.</source>
        <translation>شمارهٔ پیگیری بانک یا درگاه پرداخت.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free notes; Ctrl+Enter saves from here.</source>
        <translation>یادداشت آزاد؛ از اینجا Ctrl+Enter ذخیره می‌کند.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>After saving:</source>
        <translation>پس از ذخیره:</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="-148"/>
        <location filename="../../views/orders_model.py" line="-2"/>
        <location filename="../../views/review_model.py" line="-1"/>
        <source>Key</source>
        <translation>کد سفارش</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../views/orders_model.py" line="+3"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../views/orders_model.py" line="+3"/>
        <location filename="../../views/payment_dialog.py" line="+1"/>
        <location filename="../../views/totals_panel.py" line="-5"/>
        <source>Amount paid</source>
        <translation>مبلغ پرداخت‌شده</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="+75"/>
        <location filename="../../views/orders_model.py" line="+1"/>
        <location filename="../../views/payment_dialog.py" line="+1"/>
        <location filename="../../views/totals_panel.py" line="+8"/>
        <source>Outstanding</source>
        <translation>مانده</translation>
    </message>
    <message>
        <location filename="../../views/orders_model.py" line="+1"/>
        <source>Unapproved</source>
        <translation>تأییدنشده</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The server did not list this order&apos;s payments.</source>
        <translation>سرور پرداخت‌های این سفارش را در فهرست نفرستاده است.</translation>
    </message>
    <message>
        <location filename="../../views/payment_dialog.py" line="+1"/>
        <location filename="../../views/totals_panel.py" line="+1"/>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reload</source>
        <translation>&amp;بازخوانی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply &amp;my change anyway</source>
        <translation>&amp;اعمال تغییر من در هر صورت</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>You can save again.</source>
        <translation>اکنون می‌توانید دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server asks to wait. You can save again in %1 s.</source>
        <translation>سرور خواسته است کمی صبر کنید. %1 ثانیهٔ دیگر می‌توانید دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter an amount.</source>
        <translation>مبلغ را وارد کنید.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount cannot be negative.</source>
        <translation>مبلغ نمی‌تواند منفی باشد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use digits only, in the smallest currency unit.</source>
        <translation>فقط عدد وارد کنید، بر حسب ریال.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount is too large.</source>
        <translation>مبلغ بیش از حد بزرگ است.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>payment method</source>
        <translation>روش پرداخت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approval</source>
        <translation>وضعیت تأیید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transaction ID</source>
        <translation>شناسهٔ تراکنش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>توضیحات</translation>
    </message>
    <message>
        <location filename="../../views/payments_model.py" line="-2"/>
        <location filename="../../views/review_model.py" line="+2"/>
        <source>Method</source>
        <translation>روش پرداخت</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/review_model.py" line="+1"/>
        <source>Amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../views/review_model.py" line="+1"/>
        <source>Transaction ID</source>
        <translation>شناسهٔ تراکنش</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="+74"/>
        <location filename="../../views/payments_model.py" line="+72"/>
        <source>Awaiting approval</source>
        <translation>در انتظار تأیید</translation>
    </message>
    <message>
        <location filename="../../views/sign_in_dialog.py" line="+75"/>
        <source>Sign in to the shop server</source>
        <translation>ورود به سرور فروشگاه</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the server address and your API token.</source>
        <translation>نشانی سرور و توکن API خود را وارد کنید.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Server</source>
        <translation>&amp;سرور</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;token</source>
        <translation>&amp;توکن API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server address</source>
        <translation>نشانی سرور</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop server&apos;s address, such as https://shop.example.com.</source>
        <translation>نشانی سرور فروشگاه، مانند https://shop.example.com.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API token</source>
        <translation>توکن API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your API token; it is checked, then kept in the system keyring.</source>
        <translation>توکن API شما؛ ابتدا بررسی و سپس در جاکلید سیستم نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This address uses plain http: your token and the shop&apos;s data would cross the network unencrypted. Use an https address.</source>
        <translation>این نشانی از http ساده استفاده می‌کند: توکن شما و داده‌های فروشگاه رمزگذاری‌نشده از شبکه می‌گذرند. از نشانی https استفاده کنید.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Enter both the server address and the token.</source>
        <translation>هم نشانی سرور و هم توکن را وارد کنید.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checking the token with the server…</source>
        <translation>در حال بررسی توکن با سرور…</translation>
    </message>
    <message>
        <location filename="../../views/totals_panel.py" line="-20"/>
        <source>Overpaid by %1</source>
        <translation>%1 بیش از مبلغ سفارش پرداخت شده</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Items subtotal</source>
        <translation>جمع جزء اقلام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items discount</source>
        <translation>تخفیف اقلام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total discount</source>
        <translation>تخفیف کل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>هزینهٔ ارسال</translation>
    </message>
    <message>
        <location filename="../../views/printing.py" line="+69"/>
        <source>Page %1 of %2</source>
        <translation>صفحه %1 از %2</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>&amp;Print…</source>
        <translation>&amp;چاپ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as P&amp;DF…</source>
        <translation>ذخیره به‌صورت &amp;PDF…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Printing order %1…</source>
        <translation>در حال چاپ سفارش %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not printed</source>
        <translation>چاپ نشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order could not be printed. Check the printer and try again.</source>
        <translation>سفارش چاپ نشد. چاپگر را بررسی کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1 sent to the printer.</source>
        <translation>سفارش %1 به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving order %1 as PDF…</source>
        <translation>در حال ذخیرهٔ سفارش %1 به‌صورت PDF…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>PDF not saved</source>
        <translation>PDF ذخیره نشد</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The file %1 could not be written. Choose another folder.</source>
        <translation>فایل %1 نوشته نشد. پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1 could not be saved as PDF. Try again; if it fails again, Help &gt; Open log folder shows why.</source>
        <translation>سفارش %1 به‌صورت PDF ذخیره نشد. دوباره تلاش کنید؛ اگر باز هم نشد، راهنما &gt; باز کردن پوشهٔ گزارش‌ها علت را نشان می‌دهد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order %1 saved as %2.</source>
        <translation>سفارش %1 در %2 ذخیره شد.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Save order as PDF</source>
        <translation>ذخیرهٔ سفارش به‌صورت PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Print order</source>
        <translation>چاپ سفارش</translation>
    </message>
    <message>
        <location filename="../../views/order_page.py" line="-151"/>
        <source>Printed %1</source>
        <translation>تاریخ چاپ: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payment state</source>
        <translation>وضعیت پرداخت</translation>
    </message>
    <message>
        <location filename="../../views/totals_panel.py" line="+24"/>
        <source>Totals</source>
        <translation>جمع مبالغ</translation>
    </message>
    <message>
        <location filename="../../views/orders_list.py" line="-47"/>
        <source>Search orders</source>
        <translation>جست‌وجوی سفارش‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a key, a customer name or a mobile number.</source>
        <translation>کد سفارش، نام مشتری یا شمارهٔ همراه را بنویسید.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key, name or mobile</source>
        <translation>کد سفارش، نام یا تلفن همراه</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only orders with this status</source>
        <translation>نمایش فقط سفارش‌هایی با این وضعیت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show only paid or unpaid orders</source>
        <translation>نمایش فقط سفارش‌های پرداخت‌شده یا پرداخت‌نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid and unpaid</source>
        <translation>پرداخت‌شده و پرداخت‌نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../views/totals_panel.py" line="+86"/>
        <source>Paid</source>
        <translation>پرداخت‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unpaid</source>
        <translation>پرداخت‌نشده</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../views/review_queue.py" line="-45"/>
        <source>Loading</source>
        <translation>در حال بارگیری</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter opens the selected order.</source>
        <translation>Enter سفارش انتخاب‌شده را باز می‌کند.</translation>
    </message>
    <message>
        <location filename="../../views/widgets.py" line="+96"/>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <location filename="../../views/orders_list.py" line="+43"/>
        <source>One order</source>
        <translation>یک سفارش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 orders</source>
        <translation>%1 سفارش</translation>
    </message>
    <message>
        <location filename="../../views/totals_panel.py" line="+0"/>
        <source>Not paid</source>
        <translation>پرداخت‌نشده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepts payments</source>
        <translation>قابل پرداخت</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed to payments</source>
        <translation>بسته برای پرداخت</translation>
    </message>
    <message>
        <location filename="../../views/payment_editor.py" line="+126"/>
        <source>Reading the order again…</source>
        <translation>در حال خواندن دوبارهٔ سفارش…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed in again. Press Save to send your change.</source>
        <translation>دوباره وارد شدید. برای ارسال تغییر، «ذخیره» را بزنید.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+151"/>
        <source>This payment no longer exists on the server.</source>
        <translation>این پرداخت دیگر روی سرور وجود ندارد.</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Someone changed this payment since you opened it:</source>
        <translation>از وقتی این پرداخت را باز کرده‌اید، شخص دیگری آن را تغییر داده است:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload to start from their version, or apply your change anyway.</source>
        <translation>برای شروع از نسخهٔ جدید «بازخوانی» را بزنید، یا تغییر خود را در هر صورت اعمال کنید.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The server did not answer clearly. Checking whether the change was saved…</source>
        <translation>پاسخ سرور روشن نبود. در حال بررسی اینکه تغییر ذخیره شده است یا نه…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The change was NOT saved: %1 Press Save to send it again.</source>
        <translation>تغییر ذخیره نشد: %1 برای ارسال دوباره، «ذخیره» را بزنید.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>It is not known whether the change was saved, and the order cannot be read now. Reload before sending it again.</source>
        <translation>معلوم نیست تغییر ذخیره شده است یا نه، و سفارش اکنون خوانده نمی‌شود. پیش از ارسال دوباره، «بازخوانی» را بزنید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It is not known whether the payment change was saved.</source>
        <translation>معلوم نیست تغییر پرداخت ذخیره شده است یا نه.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>approved</source>
        <translation>تأیید شده</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not approved</source>
        <translation>تأیید نشده</translation>
    </message>
    <message>
        <location filename="../../views/review_queue.py" line="-18"/>
        <source>No payments wait for approval</source>
        <translation>پرداختی در انتظار تأیید نیست</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Refresh</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read every order again</source>
        <translation>خواندن دوبارهٔ همهٔ سفارش‌ها</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Payments waiting for approval</source>
        <translation>پرداخت‌های در انتظار تأیید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter edits the selected payment; Ctrl+Shift+A approves it.</source>
        <translation>Enter پرداخت انتخاب‌شده را ویرایش می‌کند و Ctrl+Shift+A آن را تأیید می‌کند.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open the payment&apos;s edit dialog (Enter)</source>
        <translation>باز کردن پنجرهٔ ویرایش پرداخت (Enter)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Looking through orders…</source>
        <translation>در حال بررسی سفارش‌ها…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking through orders: %1 of %2</source>
        <translation>در حال بررسی سفارش‌ها: %1 از %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>One payment waits for approval</source>
        <translation>یک پرداخت در انتظار تأیید است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 payments wait for approval</source>
        <translation>%1 پرداخت در انتظار تأیید است</translation>
    </message>
    <message>
        <location filename="../../views/crash_dialog.py" line="+58"/>
        <source>OrderDesk met an unexpected error</source>
        <translation>OrderDesk با خطای پیش‌بینی‌نشده‌ای روبه‌رو شد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong inside OrderDesk. What you were doing may not have finished; check it, and restart OrderDesk if it misbehaves. The details below help support find the cause.</source>
        <translation>مشکلی درون OrderDesk پیش آمد. ممکن است کاری که انجام می‌دادید کامل نشده باشد؛ آن را بررسی کنید و اگر OrderDesk درست کار نکرد، دوباره اجرایش کنید. جزئیات زیر به پشتیبانی برای یافتن علت کمک می‌کند.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>They were also written to %1</source>
        <translation>این جزئیات در %1 هم نوشته شد</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Copy details</source>
        <translation>&amp;رونوشت جزئیات</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../views/window_menus.py" line="-5"/>
        <source>Open &amp;log folder</source>
        <translation>باز کردن پوشهٔ &amp;گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../app.py" line="+214"/>
        <source>You signed out. Sign in again to continue.</source>
        <translation>از حساب خارج شدید. برای ادامه دوباره وارد شوید.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No secure keyring on this computer: the token is kept for this session only, and orders are not saved for offline review.</source>
        <translation>این رایانه جاکلید امنی ندارد: توکن فقط برای همین نشست نگه داشته می‌شود و سفارش‌ها برای بررسی آفلاین ذخیره نمی‌شوند.</translation>
    </message>
    <message>
        <location filename="../../views/column_menu.py" line="+66"/>
        <source>Show all columns</source>
        <translation>نمایش همهٔ ستون‌ها</translation>
    </message>
    <message>
        <location filename="../../views/pdf_export.py" line="+217"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 is still being saved as PDF. If OrderDesk closes now, the file will not be written.</source>
        <translation>سفارش %1 هنوز در حال ذخیره به‌صورت PDF است. اگر OrderDesk اکنون بسته شود، فایل نوشته نمی‌شود.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orders %1 are still being saved as PDF. If OrderDesk closes now, the files will not be written.</source>
        <translation>سفارش‌های %1 هنوز در حال ذخیره به‌صورت PDF هستند. اگر OrderDesk اکنون بسته شود، فایل‌ها نوشته نمی‌شوند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PDF still being saved</source>
        <translation>ذخیرهٔ PDF هنوز تمام نشده</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close anyway</source>
        <translation>بستن در هر حال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>صبر کنید</translation>
    </message>
</context>
</TS>
