"""Django application configuration of the sandbox shop."""

import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class ShopConfig(AppConfig):
    """The shop application: orders, payments, methods, places and images."""

    name = "orderdesk_sandbox"
    label = "shop"
    verbose_name = "OrderDesk sandbox shop"
    default_auto_field = "django.db.models.AutoField"
