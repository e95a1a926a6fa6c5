"""Django application configuration of the sandbox shop."""

from django.apps import AppConfig


class ShopConfig(AppConfig):
    """The shop application: orders, payments, methods, places and images."""

    name = "orderdesk_sandbox"
    label = "shop"
    verbose_name = "OrderDesk sandbox shop"
    default_auto_field = "django.db.models.AutoField"
