from ninja import NinjaAPI

api = NinjaAPI(
    title="Partnerwerk API",
    version="1",
    description="Read-only public data of the city's partnerships.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
