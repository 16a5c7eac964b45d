from ninja import NinjaAPI

from partnerwerk.api import routes
from partnerwerk.api.exchange_routes import open_data
from partnerwerk.api.sdg_routes import sdg_router

api = NinjaAPI(
    title="Partnerwerk API",
    version="1",
    description="Read-only public data of the city's partnerships.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/partnerships", routes.partnerships)
api.add_router("/places", routes.places)
api.add_router("/projects", routes.projects)
api.add_router("/activities", routes.activities)
api.add_router("/organisations", routes.organisations)
api.add_router("/sdg", sdg_router)
api.add_router("/registry", "partnerwerk.registry.api.router")
api.add_router("/open-data", open_data)
