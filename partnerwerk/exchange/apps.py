from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "partnerwerk.exchange"
    label = "exchange"
